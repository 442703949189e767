-- The admins' own data beside a conversation: its notes (messenger_conversations.notes, there since V1, never
-- written by a sync), searchable like the messages, and tags that exist on their own with a colour, so they can
-- be created before use, renamed and deleted from a tag manager.

-- The search box finds words in notes, the same way as in messages ('simple' words, prefix match). Few
-- conversations have notes: the index holds only those.
CREATE INDEX messenger_conversations_notes_words_idx
    ON messenger_conversations USING gin (to_tsvector('simple', notes)) WHERE notes IS NOT NULL;

-- When the notes were last written, for the contact panel ("edited 5 minutes ago") and the export.
ALTER TABLE messenger_conversations ADD COLUMN notes_updated_at timestamptz;

-- A tag's own row: its colour, and its existence while no conversation carries it yet. Conversations still
-- carry tag names in messenger_conversations.tags (the web app's shape); a rename rewrites those arrays.
CREATE TABLE conversation_tags (
    name       text        PRIMARY KEY,
    -- One of the palette's names (the UI maps them to theme colours); NULL means the default colour.
    colour     text,
    created_at timestamptz NOT NULL DEFAULT now()
);
-- Tags in use before this version get their row.
INSERT INTO conversation_tags (name)
SELECT DISTINCT t FROM messenger_conversations c, unnest(c.tags) AS t ON CONFLICT DO NOTHING;

-- The folder filter (Inbox / Done / Other / Spam) in the browser's default order, read straight from the index.
CREATE INDEX messenger_conversations_page_folder_time_idx
    ON messenger_conversations (page_id, folder, last_message_time DESC, conversation_id DESC);
