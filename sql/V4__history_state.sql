-- History state per conversation: a pass first stores the whole list (each conversation with its newest
-- messages), then fetches the older messages of long threads. This records, per conversation, whether that
-- history is complete, still pending (a pass stopped before finishing it: the next one carries on), or
-- withheld by Facebook (it refused the older messages, or gave them without details; what it gave is kept).
--
-- Rows stored before this migration were written by a sync that fetched every thread's whole history in the
-- same transaction as the thread itself, so they are complete; from now on a new conversation starts pending.
ALTER TABLE messenger_conversations
    ADD COLUMN history_state text NOT NULL DEFAULT 'complete'
        CHECK (history_state IN ('pending', 'complete', 'withheld')),
    -- For withheld: Facebook's words (or what came back), its error code (NULL when there was no error: the
    -- messages came without details), and when this was first seen.
    ADD COLUMN history_withheld_reason text,
    ADD COLUMN history_withheld_code   integer,
    ADD COLUMN history_withheld_at     timestamptz;

ALTER TABLE messenger_conversations ALTER COLUMN history_state SET DEFAULT 'pending';

-- The history phase reads a Page's pending threads; usually none are, so the partial index stays tiny.
CREATE INDEX messenger_conversations_pending_history_idx
    ON messenger_conversations (page_id, last_message_time DESC) WHERE history_state = 'pending';
