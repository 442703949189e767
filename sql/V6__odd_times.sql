-- Times from Graph are data, not the clock. A conversation Facebook dates later than the time it answered
-- (a year 9999, three days ahead) keeps that time as given, is flagged here, and never moves the watermark.
ALTER TABLE messenger_conversations
    ADD COLUMN odd_updated_time boolean NOT NULL DEFAULT false;

COMMENT ON COLUMN messenger_conversations.odd_updated_time IS
    'updated_time (last_message_time) lay later than the time Facebook answered, plus 5 minutes, when last synced';
