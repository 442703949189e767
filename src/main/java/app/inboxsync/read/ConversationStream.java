package app.inboxsync.read;

import java.util.List;
import java.util.function.BiConsumer;

/** Stored conversations whole, with their messages: what an export reads. */
public interface ConversationStream {

    /** One conversation's messages, oldest first. */
    List<MessageRow> messages(String conversationId);

    /**
     * Every conversation {@code filter} shows (newest first) with its messages (oldest first), one at a time, so
     * only one conversation is in memory at once.
     */
    void forEachConversation(ConversationFilter filter, BiConsumer<ConversationRow, List<MessageRow>> sink);

    /** Every conversation of a Page, as {@link #forEachConversation(ConversationFilter, BiConsumer)}. */
    default void forEachConversation(String pageId, BiConsumer<ConversationRow, List<MessageRow>> sink) {
        forEachConversation(ConversationFilter.page(pageId), sink);
    }
}
