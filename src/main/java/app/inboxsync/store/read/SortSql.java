package app.inboxsync.store.read;

import app.inboxsync.read.ConversationSort;

/** A {@link ConversationSort} as an ORDER BY over {@code messenger_conversations c}. */
final class SortSql {
    private SortSql() {
    }

    /**
     * Every column has a (page_id, column DESC NULLS LAST, conversation_id DESC) index (V9, V1 for the time),
     * read forwards for a descending sort and backwards for an ascending one, so an unknown value (NULL) sorts
     * as the lowest: last from the top down, first from the bottom up. The time is never NULL: a NULLS clause
     * there would stop the planner from reading its index in order, and sort 100,000 rows instead.
     */
    static String orderBy(ConversationSort sort) {
        String direction = sort.descending() ? " DESC" : " ASC";
        String nulls = !nullable(sort.column()) ? "" : sort.descending() ? " NULLS LAST" : " NULLS FIRST";
        return " ORDER BY " + column(sort.column()) + direction + nulls + ", c.conversation_id" + direction;
    }

    private static String column(ConversationSort.Column column) {
        return switch (column) {
            case SENDER -> "c.sender_name";
            case LAST_MESSAGE -> "left(c.last_message, 100)"; // as indexed: a whole snippet may not fit a btree entry
            case TIME -> "c.last_message_time";
            case MESSAGES -> "c.message_count";
            case UNREAD -> "c.unread_count";
        };
    }

    /** Graph versions may not give every column. */
    private static boolean nullable(ConversationSort.Column column) {
        return column != ConversationSort.Column.TIME;
    }
}
