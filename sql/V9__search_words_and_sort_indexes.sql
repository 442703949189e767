-- The search box and the column sorts within 50 ms on 100,000 conversations and 500,000 messages.
--
-- Search, before: three GIN indexes (message texts; sender name + snippet; notes) joined by a UNION of
-- conversation ids. A word in most conversations made that UNION collect hundreds of thousands of message
-- rows (about 220 ms), and the planner could not tell a rare word from a common one. Now each conversation
-- carries the words of all its stored messages (message_words, kept by the triggers below), and one GIN index
-- holds them with the sender's name, the snippet and the notes. A search is one predicate on one table: the
-- reader walks the newest-first index and stops after a window when the word is common, or reads the GIN
-- index when it is rare (ConversationBrowseQueries chooses, from a count capped at 10,000).

ALTER TABLE messenger_conversations ADD COLUMN message_words tsvector NOT NULL DEFAULT ''::tsvector;

-- Words only (strip: no positions): a search matches words and prefixes, never phrases, and a thread of
-- 10,000 messages stays a few kilobytes.
UPDATE messenger_conversations c SET message_words = w.words
  FROM (SELECT conversation_id, strip(to_tsvector('simple', string_agg(text, ' '))) AS words
          FROM messenger_messages WHERE coalesce(text, '') <> '' GROUP BY conversation_id) w
 WHERE w.conversation_id = c.conversation_id;

-- New messages add their words to their conversation, once per statement (a sync writes a batch at a time).
CREATE FUNCTION messenger_words_of_new_messages() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE messenger_conversations c SET message_words = c.message_words || w.words
      FROM (SELECT conversation_id, strip(to_tsvector('simple', string_agg(text, ' '))) AS words
              FROM new_messages WHERE coalesce(text, '') <> '' GROUP BY conversation_id) w
     WHERE w.conversation_id = c.conversation_id;
    RETURN NULL;
END $$;
CREATE TRIGGER messenger_messages_words_on_insert
    AFTER INSERT ON messenger_messages REFERENCING NEW TABLE AS new_messages
    FOR EACH STATEMENT EXECUTE FUNCTION messenger_words_of_new_messages();

-- A message whose text Graph now gives differently (details that arrived later) adds its new words too.
-- Words a text no longer has stay until the conversation is stored again: a search may find it by an older
-- wording of a message, never miss it by the current one.
CREATE FUNCTION messenger_words_of_changed_messages() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE messenger_conversations c SET message_words = c.message_words || w.words
      FROM (SELECT n.conversation_id, strip(to_tsvector('simple', string_agg(n.text, ' '))) AS words
              FROM new_messages n JOIN old_messages o USING (message_id)
             WHERE coalesce(n.text, '') <> '' AND n.text IS DISTINCT FROM o.text
             GROUP BY n.conversation_id) w
     WHERE w.conversation_id = c.conversation_id;
    RETURN NULL;
END $$;
CREATE TRIGGER messenger_messages_words_on_update
    AFTER UPDATE ON messenger_messages REFERENCING OLD TABLE AS old_messages NEW TABLE AS new_messages
    FOR EACH STATEMENT EXECUTE FUNCTION messenger_words_of_changed_messages();

-- A conversation stored after some of its messages (a message id another conversation listed first, a
-- conversation deleted and synced again) starts with the words those messages already have.
CREATE FUNCTION messenger_words_of_new_conversations() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE messenger_conversations c SET message_words = w.words
      FROM (SELECT m.conversation_id, strip(to_tsvector('simple', string_agg(m.text, ' '))) AS words
              FROM new_conversations n JOIN messenger_messages m ON m.conversation_id = n.conversation_id
             WHERE coalesce(m.text, '') <> '' GROUP BY m.conversation_id) w
     WHERE w.conversation_id = c.conversation_id;
    RETURN NULL;
END $$;
CREATE TRIGGER messenger_conversations_words_on_insert
    AFTER INSERT ON messenger_conversations REFERENCING NEW TABLE AS new_conversations
    FOR EACH STATEMENT EXECUTE FUNCTION messenger_words_of_new_conversations();

-- The one search index. FilterSql.SEARCH_WORDS must spell this expression exactly, or the planner ignores it.
CREATE INDEX messenger_conversations_search_idx ON messenger_conversations USING gin (
    (to_tsvector('simple', coalesce(sender_name, '') || ' ' || coalesce(last_message, '') || ' ' || coalesce(notes, ''))
     || message_words));

-- The three it replaces (V3's two, V8's notes index), and V2's trigram indexes, which no query has used since
-- V3 (V2 made them only where pg_trgm could be created): fewer GIN indexes to keep up on every batch.
DROP INDEX messenger_messages_text_words_idx;
DROP INDEX messenger_conversations_words_idx;
DROP INDEX messenger_conversations_notes_words_idx;
DROP INDEX IF EXISTS messenger_conversations_sender_name_trgm_idx;
DROP INDEX IF EXISTS messenger_conversations_last_message_trgm_idx;

-- Sorting by a column: each index serves both directions (read backwards for the other), so an unknown value
-- (NULL) sorts as the lowest: last from the top down, first from the bottom up (SortSql). The snippet is
-- indexed by its first 100 characters: a longer one would not fit a btree entry, and ties after 100
-- characters are rare enough to break by conversation id.
CREATE INDEX messenger_conversations_page_sender_idx
    ON messenger_conversations (page_id, sender_name DESC NULLS LAST, conversation_id DESC);
CREATE INDEX messenger_conversations_page_snippet_idx
    ON messenger_conversations (page_id, left(last_message, 100) DESC NULLS LAST, conversation_id DESC);
CREATE INDEX messenger_conversations_page_messages_idx
    ON messenger_conversations (page_id, message_count DESC NULLS LAST, conversation_id DESC);
CREATE INDEX messenger_conversations_page_unread_idx
    ON messenger_conversations (page_id, unread_count DESC NULLS LAST, conversation_id DESC);
