-- Attachment files kept with the copy (issue 13). One row per message and attachment says what the file is and
-- where its download stands; the bytes live in a content-addressed folder under the home (the default) or, for a
-- server database several machines share, in media_blobs below. Both are keyed by SHA-256, so a picture sent many
-- times is kept once.
CREATE TABLE message_media (
    message_id       text        NOT NULL,
    -- Position in the message's attachments (0-based), as Graph lists them.
    attachment_index integer     NOT NULL,
    page_id          text        NOT NULL,
    conversation_id  text        NOT NULL,
    attachment_id    text,
    kind             text        NOT NULL CHECK (kind IN ('image', 'gif', 'sticker', 'video', 'audio', 'file')),
    mime_type        text,
    name             text,
    -- Graph's size; -1 when it gave none.
    declared_size    bigint      NOT NULL DEFAULT -1,
    -- The newest link known (CDN links carry no token; Graph's fresh link replaces an expired one).
    source_url       text,
    status           text        NOT NULL DEFAULT 'pending'
                                 CHECK (status IN ('pending', 'stored', 'too_large', 'gone', 'failed')),
    size             bigint,
    sha256           text        CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    -- The CDN's or Facebook's words when it did not work (or why it waits).
    error            text,
    attempts         integer     NOT NULL DEFAULT 0,
    next_attempt_at  timestamptz NOT NULL DEFAULT now(),
    listed_at        timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    stored_at        timestamptz,
    PRIMARY KEY (message_id, attachment_index),
    CHECK (status <> 'stored' OR (sha256 IS NOT NULL AND size IS NOT NULL))
);

-- What is left to fetch, soonest first.
CREATE INDEX message_media_pending_idx ON message_media (page_id, next_attempt_at) WHERE status = 'pending';
CREATE INDEX message_media_sha_idx ON message_media (sha256) WHERE sha256 IS NOT NULL;

-- Finding the messages with attachments to list, without scanning a Page's whole history. Partial: the hot insert
-- path pays for it only on the few messages that have attachments.
CREATE INDEX messenger_messages_attachments_idx ON messenger_messages (page_id, synced_at)
    WHERE attachments IS NOT NULL;

-- The files themselves when media.store = database. A row appears only once its bytes are complete and checked.
CREATE TABLE media_blobs (
    sha256    text        PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
    size      bigint      NOT NULL,
    bytes     bytea       NOT NULL,
    stored_at timestamptz NOT NULL DEFAULT now()
);
