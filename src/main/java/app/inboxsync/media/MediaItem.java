package app.inboxsync.media;

import java.util.Objects;

/**
 * One attachment file to fetch: message and position in its attachments, what Graph declared, the link.
 *
 * @param declaredSize Graph's {@code size}, or -1 when it gave none
 * @param attempts transient failures so far
 */
public record MediaItem(String messageId, int index, String pageId, MediaKind kind, String mimeType, String name,
        long declaredSize, String url, int attempts) {
    public MediaItem {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(kind, "kind");
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, was " + index);
        }
    }

    public MediaItem withUrl(String fresh) {
        return new MediaItem(messageId, index, pageId, kind, mimeType, name, declaredSize, fresh, attempts);
    }
}
