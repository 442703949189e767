-- What a Graph version refused to serve (a field, a folder), so the next sync leaves it out instead of paying
-- the refused call again. Per Graph version: a new version is asked for everything again. A refusal older than
-- a day is tried again (the Graph client ignores it), and renewed when Graph still refuses.
CREATE TABLE graph_refusals (
    graph_version text        NOT NULL,
    -- conversations, messages, me, accounts, or folder (name is then the folder)
    edge          text        NOT NULL,
    name          text        NOT NULL,
    -- '' when the refusal holds for every Page (fields); the Page's id for a folder
    page_id       text        NOT NULL DEFAULT '',
    refused_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (graph_version, edge, name, page_id)
);

-- Facebook's estimates are optional fields a Graph version may no longer give: unknown is NULL, never 0.
ALTER TABLE messenger_conversations ALTER COLUMN message_count DROP NOT NULL;
ALTER TABLE messenger_conversations ALTER COLUMN unread_count DROP NOT NULL;
ALTER TABLE messenger_conversations ALTER COLUMN can_reply DROP NOT NULL;

-- Folders a pass could not read (Facebook refused them): the next pass that can read one walks it to its end,
-- because the watermark moved on without it and an incremental walk would stop before its older conversations.
ALTER TABLE facebook_pages ADD COLUMN folders_behind text[] NOT NULL DEFAULT '{}';
