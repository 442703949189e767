-- The search box and the column sorts within 50 ms on 100,000 conversations and 500,000 messages, without
-- slowing the sync's writes.
--
-- Search, before: a GIN index on every message's text and one on the conversation's name and snippet, joined
-- by a UNION of ids. A word in most conversations made that UNION collect hundreds of thousands of rows (about
-- 220 ms), and the per-message index cost the bulk writes about a third. Now conversation_words holds, per
-- conversation, every word it can be found by: its sender's name, its snippets, its notes and the texts of its
-- stored messages, kept by the triggers below (a few rows per batch, never the conversations' wide rows), under
-- one GIN index. ConversationBrowseQueries finds a window either by walking the sort's index and probing each
-- conversation's words (a common word) or by collecting the matches from the GIN index (a rare one), from a
-- count capped at 10,000.

CREATE TABLE conversation_words (
    conversation_id text PRIMARY KEY,
    -- Words only (strip: no positions): a search matches words and their starts, never phrases, and a
    -- thread of 10,000 messages stays a few kilobytes.
    words           tsvector NOT NULL
);

-- The words a conversation row itself holds. FilterSql never spells it: it reads conversation_words only.
CREATE FUNCTION conversation_own_words(sender_name text, last_message text, notes text) RETURNS tsvector
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT strip(to_tsvector('simple', coalesce(sender_name, '') || ' ' || coalesce(last_message, '') || ' '
                                       || coalesce(notes, '')))
$$;

-- The words of a conversation's stored messages.
CREATE FUNCTION conversation_message_words(id text) RETURNS tsvector LANGUAGE sql STABLE PARALLEL SAFE AS $$
    SELECT coalesce((SELECT strip(to_tsvector('simple', string_agg(m.text, ' '))) FROM messenger_messages m
                      WHERE m.conversation_id = id AND coalesce(m.text, '') <> ''), ''::tsvector)
$$;

INSERT INTO conversation_words (conversation_id, words)
SELECT c.conversation_id, conversation_own_words(c.sender_name, c.last_message, c.notes) || coalesce(m.words, '')
  FROM messenger_conversations c
  LEFT JOIN (SELECT conversation_id, strip(to_tsvector('simple', string_agg(text, ' '))) AS words
               FROM messenger_messages WHERE coalesce(text, '') <> '' GROUP BY conversation_id) m
         ON m.conversation_id = c.conversation_id;

CREATE INDEX conversation_words_idx ON conversation_words USING gin (words);

-- Words are added, once per statement (a sync writes a batch at a time): by new messages, by messages whose
-- text Graph now gives (details that arrived later), by conversations stored or changed (a new snippet, a new
-- name). Words a text no longer has stay: a search may find a conversation by an older wording, never miss it
-- by the current one. Notes are the admin's own: changed notes rebuild the row, so a word taken out of them no
-- longer finds the conversation.
CREATE FUNCTION conversation_words_of_messages() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO conversation_words AS w (conversation_id, words)
    SELECT conversation_id, strip(to_tsvector('simple', string_agg(text, ' ')))
      FROM new_messages WHERE coalesce(text, '') <> '' GROUP BY conversation_id
    ON CONFLICT (conversation_id) DO UPDATE SET words = w.words || EXCLUDED.words;
    RETURN NULL;
END $$;
CREATE TRIGGER messenger_messages_words_on_insert
    AFTER INSERT ON messenger_messages REFERENCING NEW TABLE AS new_messages
    FOR EACH STATEMENT EXECUTE FUNCTION conversation_words_of_messages();
CREATE TRIGGER messenger_messages_words_on_update
    AFTER UPDATE ON messenger_messages REFERENCING NEW TABLE AS new_messages
    FOR EACH STATEMENT EXECUTE FUNCTION conversation_words_of_messages();

CREATE FUNCTION conversation_words_of_conversations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO conversation_words AS w (conversation_id, words)
    SELECT conversation_id, conversation_own_words(sender_name, last_message, notes) FROM new_conversations
    ON CONFLICT (conversation_id) DO UPDATE SET words = w.words || EXCLUDED.words;
    RETURN NULL;
END $$;
CREATE TRIGGER messenger_conversations_words_on_insert
    AFTER INSERT ON messenger_conversations REFERENCING NEW TABLE AS new_conversations
    FOR EACH STATEMENT EXECUTE FUNCTION conversation_words_of_conversations();
CREATE TRIGGER messenger_conversations_words_on_update
    AFTER UPDATE ON messenger_conversations REFERENCING NEW TABLE AS new_conversations
    FOR EACH STATEMENT EXECUTE FUNCTION conversation_words_of_conversations();

CREATE FUNCTION conversation_words_of_changed_notes() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE conversation_words w
       SET words = conversation_own_words(n.sender_name, n.last_message, n.notes)
                   || conversation_message_words(n.conversation_id)
      FROM new_conversations n JOIN old_conversations o ON o.id = n.id
     WHERE w.conversation_id = n.conversation_id AND n.notes IS DISTINCT FROM o.notes;
    RETURN NULL;
END $$;
-- (named to run after the update trigger above: PostgreSQL fires a table's triggers in name order)
CREATE TRIGGER messenger_conversations_words_zz_notes
    AFTER UPDATE ON messenger_conversations REFERENCING OLD TABLE AS old_conversations NEW TABLE AS new_conversations
    FOR EACH STATEMENT EXECUTE FUNCTION conversation_words_of_changed_notes();

-- Deleting conversations deletes their words, as V1's trigger deletes their messages.
CREATE FUNCTION conversation_words_of_deleted_conversations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM conversation_words w USING deleted_conversations d WHERE w.conversation_id = d.conversation_id;
    RETURN NULL;
END $$;
CREATE TRIGGER messenger_conversations_delete_words
    AFTER DELETE ON messenger_conversations REFERENCING OLD TABLE AS deleted_conversations
    FOR EACH STATEMENT EXECUTE FUNCTION conversation_words_of_deleted_conversations();

-- What conversation_words replaces, and V2's trigram indexes, which no query has used since V3 (V2 made them
-- only where pg_trgm could be created): fewer GIN indexes to keep up on every batch.
DROP INDEX messenger_messages_text_words_idx;
DROP INDEX messenger_conversations_words_idx;
DROP INDEX messenger_conversations_notes_words_idx;
DROP INDEX IF EXISTS messenger_conversations_sender_name_trgm_idx;
DROP INDEX IF EXISTS messenger_conversations_last_message_trgm_idx;

-- Sorting by a column (SortSql): an unknown value (NULL) sorts last either way, so an index serves one
-- direction; each column has one for its usual one (most messages, most unread, Z to A), the sender for both.
-- The snippet is indexed by its first 100 characters: a longer one would not fit a btree entry, and ties after
-- 100 characters are rare enough to break by conversation id.
CREATE INDEX messenger_conversations_page_sender_az_idx
    ON messenger_conversations (page_id, sender_name ASC NULLS LAST, conversation_id ASC);
CREATE INDEX messenger_conversations_page_sender_idx
    ON messenger_conversations (page_id, sender_name DESC NULLS LAST, conversation_id DESC);
CREATE INDEX messenger_conversations_page_snippet_idx
    ON messenger_conversations (page_id, left(last_message, 100) DESC NULLS LAST, conversation_id DESC);
CREATE INDEX messenger_conversations_page_messages_idx
    ON messenger_conversations (page_id, message_count DESC NULLS LAST, conversation_id DESC);
CREATE INDEX messenger_conversations_page_unread_idx
    ON messenger_conversations (page_id, unread_count DESC NULLS LAST, conversation_id DESC);
