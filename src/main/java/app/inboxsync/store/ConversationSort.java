package app.inboxsync.store;

import java.util.Objects;

/** The browser's order, done by the database; ties are broken by conversation id so windows never overlap. */
public record ConversationSort(Column column, boolean descending) {
    public static final ConversationSort NEWEST_FIRST = new ConversationSort(Column.TIME, true);

    public enum Column {
        SENDER("c.sender_name"),
        LAST_MESSAGE("c.last_message"),
        TIME("c.last_message_time"),
        MESSAGES("c.message_count"),
        UNREAD("c.unread_count");

        final String sql;

        Column(String sql) {
            this.sql = sql;
        }
    }

    public ConversationSort {
        Objects.requireNonNull(column, "column");
    }

    String orderBy() {
        String direction = descending ? " DESC" : " ASC";
        return " ORDER BY " + column.sql + direction + " NULLS LAST, c.conversation_id" + direction;
    }
}
