package app.inboxsync.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of a conversation.
 *
 * @param attachmentsJson    attachments, sticker and shares as one JSON object, or null when there are none
 * @param detailsUnavailable Graph returned the message id but not its details (old messages); kept, flagged
 */
public record Message(
        String id,
        String conversationId,
        String pageId,
        String fromId,
        String fromName,
        boolean fromPage,
        String text,
        Instant createdTime,
        String attachmentsJson,
        boolean detailsUnavailable) {

    public Message {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(createdTime, "createdTime");
        fromName = Text.clean(fromName);
        text = Text.clean(text);
        attachmentsJson = Text.clean(attachmentsJson);
    }

    /**
     * Graph gave the id and nothing else (no sender, text or attachments): Facebook's detail limit on old
     * messages. A message that only lacks a readable time is not that: its details came.
     */
    public boolean onlyItsId() {
        return fromId == null && text == null && attachmentsJson == null;
    }
}
