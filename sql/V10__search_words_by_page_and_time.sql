-- A word in most conversations within 50 ms on 100,000 conversations (V9 left it at 54–185 ms).
--
-- V9's count of a common word joined each of its first 10,000 matches to its conversation to learn its Page,
-- and a window deep in its matches collected and sorted all of them. conversation_words now also holds the
-- columns of messenger_conversations the browser filters by (page_id, folder, last_message_time,
-- unread_count), under the same names, so that a search reads this narrow table alone (store.read.SearchWindows,
-- FilterSql.Search.OWN): its count stops at 10,000 without a join, and its windows newest first walk one
-- index in order, testing each row, however deep. Not the tags: a tag is most often on a few conversations,
-- which the tags' own index on messenger_conversations finds (testing 70,000 rows' tags here took 150 ms).
-- Other sorts still walk messenger_conversations' indexes.
--
-- Rebuilt rather than updated in place: an UPDATE of every row would leave the table twice its size until a
-- vacuum, and the walk reads its rows. The columns are NULL only for words stored before their conversation
-- (messages of a batch whose conversation comes later): no filter by Page finds those until it comes.

ALTER TABLE conversation_words RENAME TO conversation_words_v9;
ALTER INDEX conversation_words_pkey RENAME TO conversation_words_v9_pkey;
ALTER INDEX conversation_words_idx RENAME TO conversation_words_v9_idx;

CREATE TABLE conversation_words (
    conversation_id   text PRIMARY KEY,
    page_id           text,
    folder            text,
    last_message_time timestamptz,
    unread_count      integer,
    -- As V9: words only (strip: no positions).
    words             tsvector NOT NULL
);

INSERT INTO conversation_words (conversation_id, page_id, folder, last_message_time, unread_count, words)
SELECT w.conversation_id, c.page_id, c.folder, c.last_message_time, c.unread_count, w.words
  FROM conversation_words_v9 w
  LEFT JOIN messenger_conversations c ON c.conversation_id = w.conversation_id;

DROP TABLE conversation_words_v9;

CREATE INDEX conversation_words_idx ON conversation_words USING gin (words);

-- The default order (SortSql: newest first, ties by id), walked for a word most conversations have.
CREATE INDEX conversation_words_page_time_idx
    ON conversation_words (page_id, last_message_time DESC, conversation_id DESC);

-- V9's trigger, now also copying the columns above: every insert or update of conversations (a sync's
-- upsert, a tag, a note, a mark as missing) runs it, so they follow the conversation in the same statement.
-- A message's trigger leaves them alone: its words row exists already, or its conversation is not stored yet.
CREATE OR REPLACE FUNCTION conversation_words_of_conversations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO conversation_words AS w (conversation_id, page_id, folder, last_message_time, unread_count, words)
    SELECT conversation_id, page_id, folder, last_message_time, unread_count,
           conversation_own_words(sender_name, last_message, notes)
      FROM new_conversations
    ON CONFLICT (conversation_id) DO UPDATE SET
           page_id = EXCLUDED.page_id, folder = EXCLUDED.folder, last_message_time = EXCLUDED.last_message_time,
           unread_count = EXCLUDED.unread_count, words = w.words || EXCLUDED.words;
    RETURN NULL;
END $$;
