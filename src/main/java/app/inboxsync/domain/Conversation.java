package app.inboxsync.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A Messenger conversation of a Page, as stored.
 *
 * @param senderId       the customer's page-scoped id (PSID): the participant that is not the Page
 * @param updatedTime    Graph's {@code updated_time}; stored as {@code last_message_time}
 * @param participantsJson the raw participants list (JSON array) for reference; may be null
 * @param messageCount   Graph's estimate; null when the Graph version does not give it (unknown, not 0)
 * @param unreadCount    null when unknown, like {@code canReply}
 */
public record Conversation(
        String id,
        String pageId,
        Folder folder,
        String senderId,
        String senderName,
        String snippet,
        Instant updatedTime,
        Integer messageCount,
        Integer unreadCount,
        Boolean canReply,
        String link,
        String participantsJson) {

    public Conversation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(senderId, "senderId");
        Objects.requireNonNull(updatedTime, "updatedTime");
        senderName = Text.clean(senderName);
        snippet = Text.clean(snippet);
    }
}
