package app.inboxsync.simulator;

import java.time.Instant;
import java.util.List;

/**
 * Ground truth for one message. When {@code detailsUnavailable} is set the API returns only {@code id} and
 * {@code created_time}; every other field here is then null (or empty).
 *
 * @param attachmentsJson the exact JSON the API returns for {@code attachments} (a {@code {"data":[…]}} object)
 * @param sticker a sticker image URL
 * @param sharesJson the exact JSON the API returns for {@code shares}
 */
public record SimMessage(String id, String conversationId, Instant createdTime, String fromId, String fromName,
        List<String> toIds, String text, String attachmentsJson, String sticker, String sharesJson,
        boolean detailsUnavailable) {

    public SimMessage {
        toIds = List.copyOf(toIds);
    }
}
