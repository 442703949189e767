package app.inboxsync.store.read;

import app.inboxsync.read.ConversationSort;

/** A {@link ConversationSort} as an ORDER BY over {@code messenger_conversations c}. */
final class SortSql {
    private SortSql() {
    }

    static String orderBy(ConversationSort sort) {
        String direction = sort.descending() ? " DESC" : " ASC";
        // NULLS LAST only where there can be nulls: on a NOT NULL column it would stop the planner from reading
        // the (page_id, last_message_time DESC, conversation_id DESC) index in order, and sort 100,000 rows instead.
        return " ORDER BY " + column(sort.column()) + direction + (nullable(sort.column()) ? " NULLS LAST" : "")
                + ", c.conversation_id" + direction;
    }

    private static String column(ConversationSort.Column column) {
        return switch (column) {
            case SENDER -> "c.sender_name";
            case LAST_MESSAGE -> "c.last_message";
            case TIME -> "c.last_message_time";
            case MESSAGES -> "c.message_count";
            case UNREAD -> "c.unread_count";
        };
    }

    /** Graph versions may not give every column: unknown (NULL) sorts last. */
    private static boolean nullable(ConversationSort.Column column) {
        return column != ConversationSort.Column.TIME;
    }
}
