package app.inboxsync.read;

import java.time.Instant;

/** A stored message; {@code attachmentsJson} is the raw JSON object or null. */
public record MessageRow(
        String messageId,
        String conversationId,
        String fromId,
        String fromName,
        boolean fromPage,
        String text,
        Instant createdTime,
        String attachmentsJson,
        boolean detailsUnavailable) {
}
