package app.inboxsync.read;

import app.inboxsync.domain.Folder;
import java.time.Instant;
import java.util.List;

/**
 * A stored conversation as the browser and the export see it; {@code missingSince} is set when deleted on Facebook.
 *
 * @param messageCount   Facebook's estimate, null when the Graph version does not give it
 * @param unreadCount    null when the Graph version does not give it (unknown, not 0)
 * @param folder         null only for a folder name this version does not know (a newer one wrote it)
 * @param storedMessages the messages copied, given only when {@code messageCount} is unknown (they stand in for it)
 * @param lastFromPage   whether the newest stored message is the Page's own; null when unknown (no message
 *                       stored, or not read: the export does not ask)
 * @param lastAttachments the newest stored message's attachments JSON when that message has no text (a photo,
 *                       a sticker), so the browser can say what it was; null otherwise
 */
public record ConversationRow(
        String conversationId,
        String pageId,
        String senderId,
        String senderName,
        String lastMessage,
        Instant lastMessageTime,
        Integer messageCount,
        Integer unreadCount,
        Folder folder,
        List<String> tags,
        String notes,
        Instant missingSince,
        Integer storedMessages,
        Boolean lastFromPage,
        String lastAttachments) {

    public ConversationRow {
        tags = List.copyOf(tags);
    }

    /** Without what the newest message is (the export's rows). */
    public ConversationRow(String conversationId, String pageId, String senderId, String senderName, String lastMessage,
                           Instant lastMessageTime, Integer messageCount, Integer unreadCount, Folder folder,
                           List<String> tags, String notes, Instant missingSince, Integer storedMessages) {
        this(conversationId, pageId, senderId, senderName, lastMessage, lastMessageTime, messageCount, unreadCount,
                folder, tags, notes, missingSince, storedMessages, null, null);
    }

    /** Facebook's count, else the messages copied; {@link #messageCountIsStored()} tells which. */
    public int messagesShown() {
        return messageCount != null ? messageCount : storedMessages == null ? 0 : storedMessages;
    }

    public boolean messageCountIsStored() {
        return messageCount == null;
    }
}
