package app.inboxsync.store;

import java.util.Objects;

/** The browser's order, done by the database; ties are broken by conversation id so windows never overlap. */
public record ConversationSort(Column column, boolean descending) {
    public static final ConversationSort NEWEST_FIRST = new ConversationSort(Column.TIME, true);

    public enum Column {
        SENDER("c.sender_name", true),
        LAST_MESSAGE("c.last_message", true),
        TIME("c.last_message_time", false),
        // Graph versions may not give these: unknown (NULL) sorts last
        MESSAGES("c.message_count", true),
        UNREAD("c.unread_count", true);

        final String sql;
        final boolean nullable;

        Column(String sql, boolean nullable) {
            this.sql = sql;
            this.nullable = nullable;
        }
    }

    public ConversationSort {
        Objects.requireNonNull(column, "column");
    }

    String orderBy() {
        String direction = descending ? " DESC" : " ASC";
        // NULLS LAST only where there can be nulls: on a NOT NULL column it would stop the planner from reading
        // the (page_id, last_message_time DESC, conversation_id DESC) index in order, and sort 100,000 rows instead.
        return " ORDER BY " + column.sql + direction + (column.nullable ? " NULLS LAST" : "") + ", c.conversation_id" + direction;
    }
}
