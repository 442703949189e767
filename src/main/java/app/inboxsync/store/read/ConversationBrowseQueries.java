package app.inboxsync.store.read;

import app.inboxsync.read.ConversationBrowsing;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.read.MessageRow;
import app.inboxsync.store.jdbc.Rows;
import app.inboxsync.store.jdbc.Transaction;
import app.inboxsync.store.server.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * The offline browser's reads: how many conversations a filter shows, one window of them in the chosen order,
 * and a thread's messages a page at a time. The database filters, sorts and pages, so a window costs about the
 * same with 100 or 100,000 conversations.
 */
public final class ConversationBrowseQueries implements ConversationBrowsing {
    private final DataSource dataSource;

    public ConversationBrowseQueries(Database database) {
        this(database.dataSource());
    }

    public ConversationBrowseQueries(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public int count(ConversationFilter filter) {
        FilterSql where = FilterSql.of(filter);
        return Transaction.read(dataSource, "count the conversations", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM messenger_conversations c" + where.where())) {
                where.bind(s, 1);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    /**
     * The count and the first window together. A search is run once for both ({@code count(*) OVER ()}): with a
     * common word it is the costly part. Without one, the count and the window each use their index.
     */
    @Override
    public FirstWindow firstWindow(ConversationFilter filter, ConversationSort sort, int limit) {
        if (filter.search() == null) {
            return new FirstWindow(count(filter), window(filter, sort, 0, limit));
        }
        FilterSql where = FilterSql.of(filter);
        String sql = "SELECT " + ConversationQueries.COLUMNS + ", count(*) OVER () AS total FROM messenger_conversations c"
                + where.where() + SortSql.orderBy(sort) + " LIMIT ?";
        return Transaction.read(dataSource, "search the conversations", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setInt(where.bind(s, 1), limit);
                List<ConversationRow> rows = new ArrayList<>(limit);
                int total = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        total = rs.getInt("total");
                        rows.add(ConversationQueries.conversation(rs));
                    }
                }
                return new FirstWindow(total, rows);
            }
        });
    }

    /** Rows {@code offset … offset + limit - 1} of the filtered conversations in {@code sort} order. */
    @Override
    public List<ConversationRow> window(ConversationFilter filter, ConversationSort sort, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative: " + offset + ", " + limit);
        }
        FilterSql where = FilterSql.of(filter);
        String sql = "SELECT " + ConversationQueries.COLUMNS + " FROM messenger_conversations c" + where.where()
                + SortSql.orderBy(sort) + " OFFSET ? LIMIT ?";
        return Transaction.read(dataSource, "load the conversations", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = where.bind(s, 1);
                s.setInt(i++, offset);
                s.setInt(i, limit);
                List<ConversationRow> rows = new ArrayList<>(limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(ConversationQueries.conversation(rs));
                    }
                }
                return rows;
            }
        });
    }

    /**
     * Up to {@code limit} messages of a thread just older than {@code newerThan} (null: the newest ones), newest
     * first. Keyset paging on the thread index: the 100th page of a 10,000-message thread is as quick as the first.
     */
    @Override
    public List<MessageRow> olderMessages(String conversationId, MessageRow newerThan, int limit) {
        boolean first = newerThan == null;
        String sql = "SELECT " + ConversationQueries.MESSAGE_COLUMNS + " FROM messenger_messages m WHERE m.conversation_id = ?"
                + (first ? "" : " AND (m.created_time, m.message_id) < (?, ?)")
                + " ORDER BY m.created_time DESC, m.message_id DESC LIMIT ?";
        return Transaction.read(dataSource, "read the conversation", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = 1;
                s.setString(i++, conversationId);
                if (newerThan != null) {
                    s.setTimestamp(i++, Timestamp.from(newerThan.createdTime()));
                    s.setString(i++, newerThan.messageId());
                }
                s.setInt(i, limit);
                List<MessageRow> rows = new ArrayList<>(limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(ConversationQueries.message(rs));
                    }
                }
                return rows;
            }
        });
    }
}
