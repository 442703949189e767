package app.inboxsync.store;

import java.time.Instant;
import java.util.List;

/** A stored conversation as the browser and the export see it; {@code missingSince} is set when deleted on Facebook. */
public record ConversationRow(
        String conversationId,
        String pageId,
        String senderId,
        String senderName,
        String lastMessage,
        Instant lastMessageTime,
        int messageCount,
        int unreadCount,
        String folder,
        List<String> tags,
        String notes,
        Instant missingSince) {

    public ConversationRow {
        tags = List.copyOf(tags);
    }
}
