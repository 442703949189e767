-- Inbox Sync schema. Table and column names follow the web app this replaces, so its users' SQL keeps
-- working. Plain SQL that runs on PostgreSQL 13 and later; nothing here needs an extension.

CREATE TABLE facebook_pages (
    id               bigserial   PRIMARY KEY,
    facebook_page_id text        NOT NULL UNIQUE,
    name             text        NOT NULL,
    category         text,
    -- The watermark: newest updated_time of the last complete pass. NULL means the next sync is full.
    last_synced_at   timestamptz,
    -- Set by "request a full sync", so a sync already running cannot put back the watermark just reset.
    full_sync_requested_at timestamptz,
    folders          text[]      NOT NULL DEFAULT '{inbox,page_done,other,spam}',
    token_status     text        NOT NULL DEFAULT 'valid' CHECK (token_status IN ('valid', 'invalid')),
    token_error      text,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE messenger_conversations (
    id                bigserial   PRIMARY KEY,
    page_id           text        NOT NULL REFERENCES facebook_pages (facebook_page_id) ON DELETE CASCADE,
    -- The customer's PSID. When a customer has a second thread with the Page, the older thread keeps its
    -- row with sender_id '<psid>#<conversation_id>' so that UNIQUE (page_id, sender_id) still holds.
    sender_id         text        NOT NULL,
    conversation_id   text        NOT NULL UNIQUE,
    sender_name       text,
    last_message      text,
    last_message_time timestamptz NOT NULL,
    message_count     integer     NOT NULL DEFAULT 0,
    unread_count      integer     NOT NULL DEFAULT 0,
    folder            text        NOT NULL DEFAULT 'inbox',
    can_reply         boolean     NOT NULL DEFAULT true,
    link              text,
    participants      jsonb,
    -- Set by a full pass that no longer saw the conversation on Facebook; cleared when it is seen again.
    missing_since     timestamptz,
    -- Local data the admins own: a sync never writes these.
    tags              text[]      NOT NULL DEFAULT '{}',
    notes             text,
    first_synced_at   timestamptz NOT NULL DEFAULT now(),
    -- When a sync last changed the row (an unchanged row is not rewritten).
    synced_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (page_id, sender_id)
);

-- Listing a page's conversations newest first.
CREATE INDEX messenger_conversations_page_time_idx
    ON messenger_conversations (page_id, last_message_time DESC);

-- No foreign keys here on purpose: this is the hot insert path (tens of thousands of rows a second) and a
-- foreign key costs a lookup and a row lock per inserted message. Deletes still cascade: see the trigger
-- below, which removes the messages of deleted conversations (and so of deleted pages).
CREATE TABLE messenger_messages (
    message_id          text        PRIMARY KEY,
    conversation_id     text        NOT NULL,
    page_id             text        NOT NULL,
    from_id             text,
    from_name           text,
    is_from_page        boolean     NOT NULL DEFAULT false,
    text                text,
    created_time        timestamptz NOT NULL,
    -- Attachments, sticker and shares as one JSON object; NULL when there are none.
    attachments         jsonb,
    -- Graph listed the message but not its details (old messages).
    details_unavailable boolean     NOT NULL DEFAULT false,
    synced_at           timestamptz NOT NULL DEFAULT now()
);

-- A thread's messages in order, and the newest stored message of a conversation.
CREATE INDEX messenger_messages_conversation_time_idx
    ON messenger_messages (conversation_id, created_time DESC);

-- One statement-level trigger instead of a per-row foreign key: deleting conversations (directly, or by
-- the cascade from facebook_pages) deletes their messages in one set-based statement.
CREATE FUNCTION messenger_delete_messages_of_deleted_conversations() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    DELETE FROM messenger_messages m USING deleted_conversations d WHERE m.conversation_id = d.conversation_id;
    RETURN NULL;
END
$$;

CREATE TRIGGER messenger_conversations_delete_messages
    AFTER DELETE ON messenger_conversations
    REFERENCING OLD TABLE AS deleted_conversations
    FOR EACH STATEMENT EXECUTE FUNCTION messenger_delete_messages_of_deleted_conversations();

CREATE TABLE sync_runs (
    id                      bigserial   PRIMARY KEY,
    page_id                 text        NOT NULL REFERENCES facebook_pages (facebook_page_id) ON DELETE CASCADE,
    mode                    text        NOT NULL CHECK (mode IN ('full', 'incremental')),
    status                  text        NOT NULL DEFAULT 'running'
                                        CHECK (status IN ('running', 'succeeded', 'failed', 'cancelled')),
    started_at              timestamptz NOT NULL DEFAULT now(),
    finished_at             timestamptz,
    conversations_inserted  integer     NOT NULL DEFAULT 0,
    conversations_updated   integer     NOT NULL DEFAULT 0,
    conversations_unchanged integer     NOT NULL DEFAULT 0,
    messages_inserted       integer     NOT NULL DEFAULT 0,
    messages_updated        integer     NOT NULL DEFAULT 0,
    api_calls               integer     NOT NULL DEFAULT 0,
    -- The watermark this run set, when it completed.
    new_watermark           timestamptz,
    error                   text
);

CREATE INDEX sync_runs_page_started_idx ON sync_runs (page_id, started_at DESC);
