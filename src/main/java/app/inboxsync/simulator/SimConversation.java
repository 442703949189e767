package app.inboxsync.simulator;

import java.time.Instant;

/** Ground truth for one conversation, as the Graph API would describe it right now. */
public record SimConversation(String id, String pageId, String folder, Instant updatedTime, String customerId,
        String customerName /* null for some deleted users */, String snippet, int messageCount, int unreadCount,
        boolean canReply, String link) {
}
