package app.inboxsync.store.read;

import app.inboxsync.read.ConversationSort;

/** A {@link ConversationSort} as an ORDER BY over {@code messenger_conversations c}. */
final class SortSql {
    private SortSql() {
    }

    /**
     * An unknown value (NULL: a Graph version that does not give the column) sorts last either way. V9's indexes
     * match these clauses exactly: (page_id, column DESC NULLS LAST, conversation_id DESC) for every column, and
     * the sender A to Z as well; the other ascending sorts are sorted by the database. The time is never NULL: a
     * NULLS clause there would stop the planner from reading its index in order, and sort 100,000 rows instead.
     */
    static String orderBy(ConversationSort sort) {
        String direction = sort.descending() ? " DESC" : " ASC";
        return " ORDER BY " + column(sort.column()) + direction + (nullable(sort.column()) ? " NULLS LAST" : "")
                + ", c.conversation_id" + direction;
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
