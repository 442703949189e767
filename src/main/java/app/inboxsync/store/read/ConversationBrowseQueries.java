package app.inboxsync.store.read;

import app.inboxsync.read.ConversationBrowsing;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.read.MessageRow;
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
    private final SearchWindows searches;

    public ConversationBrowseQueries(Database database) {
        this(database.dataSource());
    }

    public ConversationBrowseQueries(DataSource dataSource) {
        this(dataSource, SearchWindows.LISTED_MATCHES);
    }

    /** @param listedMatches up to how many matches a search lists by id (tests make it small to reach the rest) */
    ConversationBrowseQueries(DataSource dataSource, int listedMatches) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.searches = new SearchWindows(listedMatches);
    }

    /**
     * An exact count. A search is counted in conversation_words (V10 keeps the columns a filter tests there),
     * without joining its matches to their conversations; with a tag, among the tag's conversations.
     */
    @Override
    public int count(ConversationFilter filter) {
        boolean onWords = filter.search() != null && FilterSql.onWordsAlone(filter);
        FilterSql where = onWords ? FilterSql.onWords(filter) : FilterSql.of(filter);
        return Transaction.read(dataSource, "count the conversations", c -> {
            SearchWindows.Step<Integer> count = () -> {
                try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM "
                        + (onWords ? "conversation_words c" : "messenger_conversations c") + where.where())) {
                    where.bind(s, 1);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                }
            };
            return filter.search() == null ? count.run() : SearchWindows.searching(c, count);
        });
    }

    /**
     * The count and the first window. Without a search each uses its index. With one, the count stops at
     * {@link FirstWindow#COUNT_CAP} (a word in most conversations would otherwise cost a pass over all of
     * them), and tells the window how to find its rows.
     */
    @Override
    public FirstWindow firstWindow(ConversationFilter filter, ConversationSort sort, int limit) {
        if (filter.search() == null) {
            return new FirstWindow(count(filter), window(filter, sort, 0, limit));
        }
        return Transaction.read(dataSource, "search the conversations",
                c -> SearchWindows.searching(c, () -> searches.first(c, filter, sort, limit)));
    }

    /** Rows {@code offset … offset + limit - 1} of the filtered conversations in {@code sort} order. */
    @Override
    public List<ConversationRow> window(ConversationFilter filter, ConversationSort sort, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative: " + offset + ", " + limit);
        }
        if (filter.search() == null) {
            return Transaction.read(dataSource, "load the conversations",
                    c -> WindowRows.read(c, FilterSql.of(filter), false, sort, offset, limit, false));
        }
        return Transaction.read(dataSource, "load the conversations",
                c -> SearchWindows.searching(c, () -> searches.window(c, filter, sort, offset, limit)));
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
