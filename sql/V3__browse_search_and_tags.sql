-- The offline browser: word search over message texts, sender names and snippets; tag filters; all Pages at once.
-- Plain SQL, no extension needed. to_tsvector('simple', …) keeps every word as written (lower-cased, no
-- stemming, no stop words), so names, emoji-free slang and any language are found alike; a search matches
-- conversations where every typed word starts a word of the texts.
-- Cost on the sync's bulk writes, measured with the bench on 2 cores: see README (Performance). GIN's pending
-- list (fastupdate, on by default) turns each insert into an append, merged later in bulk.
CREATE INDEX messenger_messages_text_words_idx
    ON messenger_messages USING gin (to_tsvector('simple', coalesce(text, '')));

CREATE INDEX messenger_conversations_words_idx
    ON messenger_conversations USING gin (to_tsvector('simple', coalesce(sender_name, '') || ' ' || coalesce(last_message, '')));

-- Tag filter (tags @> ARRAY['vip']). The sync never writes tags; this index only changes when an admin tags.
CREATE INDEX messenger_conversations_tags_idx ON messenger_conversations USING gin (tags);

-- The browser's default order, read straight from an index (a deep window skips index entries instead of
-- sorting): newest first, ties by conversation id. Replaces V1's (page_id, last_message_time DESC), which it
-- covers, so the sync still maintains one index here; the second one serves "All pages".
CREATE INDEX messenger_conversations_page_time_id_idx
    ON messenger_conversations (page_id, last_message_time DESC, conversation_id DESC);
DROP INDEX messenger_conversations_page_time_idx;
CREATE INDEX messenger_conversations_time_id_idx ON messenger_conversations (last_message_time DESC, conversation_id DESC);
