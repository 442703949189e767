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
import java.sql.SQLException;
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
    /**
     * What the newest stored message is, for the rows of one window: whether the Page wrote it ("You: …") and,
     * when it has no text, its attachments (to say "Photo", "Sticker"). One probe of the thread index per row.
     */
    private static final String LAST_MESSAGE = """
            (SELECT lm.is_from_page FROM messenger_messages lm WHERE lm.conversation_id = c.conversation_id
              ORDER BY lm.created_time DESC LIMIT 1) AS last_from_page,
            (SELECT CASE WHEN coalesce(lm.text, '') = '' THEN lm.attachments::text END FROM messenger_messages lm
              WHERE lm.conversation_id = c.conversation_id ORDER BY lm.created_time DESC LIMIT 1) AS last_attachments
            """;
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
        String sql = windowOf("SELECT " + ConversationQueries.COLUMNS + ", count(*) OVER () AS total FROM messenger_conversations c"
                + where.where() + SortSql.orderBy(sort) + " LIMIT ?", ", c.total", sort);
        return Transaction.read(dataSource, "search the conversations", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setInt(where.bind(s, 1), limit);
                List<ConversationRow> rows = new ArrayList<>(limit);
                int total = 0;
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        total = rs.getInt("total");
                        rows.add(browsed(rs));
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
        String sql = windowOf("SELECT " + ConversationQueries.COLUMNS + " FROM messenger_conversations c" + where.where()
                + SortSql.orderBy(sort) + " OFFSET ? LIMIT ?", "", sort);
        return Transaction.read(dataSource, "load the conversations", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = where.bind(s, 1);
                s.setInt(i++, offset);
                s.setInt(i, limit);
                List<ConversationRow> rows = new ArrayList<>(limit);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(browsed(rs));
                    }
                }
                return rows;
            }
        });
    }

    /**
     * The window's columns around {@code rowsSql}, the query that picks its rows: the per-row subqueries (the
     * newest message, a count of stored messages) run for the rows of the window only, never for the rows an
     * OFFSET skips. The outer ORDER BY sorts only those rows again.
     */
    private static String windowOf(String rowsSql, String extra, ConversationSort sort) {
        return "SELECT " + ConversationQueries.COLUMNS + ", " + LAST_MESSAGE + extra + " FROM (" + rowsSql + ") c"
                + SortSql.orderBy(sort);
    }

    private static ConversationRow browsed(ResultSet rs) throws SQLException {
        ConversationRow r = ConversationQueries.conversation(rs);
        return new ConversationRow(r.conversationId(), r.pageId(), r.senderId(), r.senderName(), r.lastMessage(),
                r.lastMessageTime(), r.messageCount(), r.unreadCount(), r.folder(), r.tags(), r.notes(), r.missingSince(),
                r.storedMessages(), rs.getObject("last_from_page", Boolean.class), rs.getString("last_attachments"));
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
