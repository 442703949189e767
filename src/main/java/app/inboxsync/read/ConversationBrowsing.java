package app.inboxsync.read;

import java.util.List;

/**
 * What the offline browser may ask of the stored conversations: how many a filter shows, one window of them in
 * the chosen order, and a thread's messages a page at a time. The database filters, sorts and pages.
 */
public interface ConversationBrowsing {

    /** How many conversations {@code filter} shows. */
    int count(ConversationFilter filter);

    /** The count and the first {@code limit} rows, read together so they agree. */
    FirstWindow firstWindow(ConversationFilter filter, ConversationSort sort, int limit);

    /** Up to {@code limit} rows from {@code offset} on, in {@code sort}'s order. */
    List<ConversationRow> window(ConversationFilter filter, ConversationSort sort, int offset, int limit);

    /** Up to {@code limit} messages just older than {@code newerThan} (null: the newest ones), newest first. */
    List<MessageRow> olderMessages(String conversationId, MessageRow newerThan, int limit);

    /**
     * What the browser shows first: how many conversations match, and the first of them. A search that matches
     * more than {@link #COUNT_CAP} stops counting there ({@code more}: "10,000+"): counting every match of a
     * word most conversations have would cost more than showing the first of them.
     */
    record FirstWindow(int count, boolean more, List<ConversationRow> rows) {
        public static final int COUNT_CAP = 10_000;

        public FirstWindow {
            rows = List.copyOf(rows);
        }

        /** An exact count. */
        public FirstWindow(int count, List<ConversationRow> rows) {
            this(count, false, rows);
        }
    }
}
