package app.inboxsync.read;

import java.util.Objects;

/** The browser's order, done by the database (see {@code store.read.SortSql}); ties are broken by conversation id so windows never overlap. */
public record ConversationSort(Column column, boolean descending) {
    public static final ConversationSort NEWEST_FIRST = new ConversationSort(Column.TIME, true);

    public enum Column {
        SENDER, LAST_MESSAGE, TIME, MESSAGES, UNREAD
    }

    public ConversationSort {
        Objects.requireNonNull(column, "column");
    }
}
