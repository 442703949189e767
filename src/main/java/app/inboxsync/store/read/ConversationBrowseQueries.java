package app.inboxsync.store.read;

import app.inboxsync.read.ConversationBrowsing;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.read.MessageRow;
import app.inboxsync.store.jdbc.Rows;
import app.inboxsync.store.jdbc.Transaction;
import app.inboxsync.store.server.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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
    private final int listedMatches;

    public ConversationBrowseQueries(Database database) {
        this(database.dataSource());
    }

    public ConversationBrowseQueries(DataSource dataSource) {
        this(dataSource, LISTED_MATCHES);
    }

    /** @param listedMatches up to how many matches a search lists by id (tests make it small to reach the rest) */
    ConversationBrowseQueries(DataSource dataSource, int listedMatches) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.listedMatches = listedMatches;
    }

    @Override
    public int count(ConversationFilter filter) {
        FilterSql where = FilterSql.of(filter);
        return Transaction.read(dataSource, "count the conversations", c -> {
            Step<Integer> count = () -> {
                try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM messenger_conversations c" + where.where())) {
                    where.bind(s, 1);
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        return rs.getInt(1);
                    }
                }
            };
            return filter.search() == null ? count.run() : searching(c, count);
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
        return Transaction.read(dataSource, "search the conversations", c -> searching(c, () -> {
            Optional<FilterSql> among = amongMatches(c, filter);
            int found = cappedCount(c, among.orElseGet(() -> FilterSql.of(filter)));
            return new FirstWindow(Math.min(found, FirstWindow.COUNT_CAP), found > FirstWindow.COUNT_CAP,
                    searchRows(c, filter, among, found, sort, 0, limit));
        }));
    }

    /** Rows {@code offset … offset + limit - 1} of the filtered conversations in {@code sort} order. */
    @Override
    public List<ConversationRow> window(ConversationFilter filter, ConversationSort sort, int offset, int limit) {
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException("offset and limit must not be negative: " + offset + ", " + limit);
        }
        if (filter.search() == null) {
            return Transaction.read(dataSource, "load the conversations",
                    c -> rows(c, filter, sort, offset, limit, SearchPlan.NONE));
        }
        return Transaction.read(dataSource, "load the conversations", c -> searching(c, () -> {
            Optional<FilterSql> among = amongMatches(c, filter);
            int found = among.isPresent() ? 0 : cappedCount(c, FilterSql.of(filter)); // listed: no count needed
            return searchRows(c, filter, among, found, sort, offset, limit);
        }));
    }

    /**
     * A search's window: straight from the listed matches when there were few enough to list, else by the plan
     * the capped count {@code found} chooses.
     */
    private static List<ConversationRow> searchRows(Connection c, ConversationFilter filter, Optional<FilterSql> among,
                                                    int found, ConversationSort sort, int offset, int limit)
            throws SQLException {
        return among.isPresent() ? rows(c, among.get(), sort, offset, limit, false)
                : rows(c, filter, sort, offset, limit, SearchPlan.of(found, offset, limit));
    }

    /**
     * Up to this many matches (in all Pages) are listed by id first: a word that is not everywhere. Listing
     * more would cost more than the capped count and the plans below (20,000 added 20 ms to a common word).
     */
    private static final int LISTED_MATCHES = 2_000;

    /**
     * The search's matches as a list of ids, when they are few enough to list: the filter to use then. Empty
     * when the word is in more conversations than that (and the capped count and the plans below take over).
     */
    private Optional<FilterSql> amongMatches(Connection c, ConversationFilter filter) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(FilterSql.MATCHING_IDS)) {
            s.setString(1, filter.search());
            s.setInt(2, listedMatches + 1);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids.size() > listedMatches ? Optional.empty()
                : Optional.of(FilterSql.among(filter, c.createArrayOf("text", ids.toArray())));
    }

    private interface Step<T> {
        T run() throws SQLException;
    }

    /**
     * A search's statements, in a transaction of their own for its planner settings (SET LOCAL ends with it).
     * No full scans: the planner's guess of a prefix query's matches (a default, whatever the word) would make
     * it scan all conversations to hash one match; with the scans off it goes from the matches to their rows.
     */
    private static <T> T searching(Connection c, Step<T> step) throws SQLException {
        c.setAutoCommit(false);
        try {
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL enable_seqscan = off");
            }
            return step.run();
        } finally {
            c.rollback(); // nothing written: it only ends the settings
            c.setAutoCommit(true);
        }
    }

    /** How many conversations match, counting no further than one past the cap. */
    private static int cappedCount(Connection c, FilterSql where) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM (SELECT 1 FROM messenger_conversations c"
                + where.where() + " LIMIT " + (FirstWindow.COUNT_CAP + 1) + ") AS found")) {
            where.bind(s, 1);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    /**
     * How a search finds a window's rows. The planner cannot tell a common word from a rare one (a prefix
     * query's selectivity is a guess), and guessing wrong costs a second either way: walking the sort's index
     * for a rare word reads every conversation; reading the search index for a word in most of them fetches
     * tens of thousands. The capped count tells them apart.
     */
    enum SearchPlan {
        /** No search: the planner's choice is right. */
        NONE,
        /** Many matches and an early window: walk the sort's index and test each row, stop after the window. */
        WALK,
        /** Few matches, or a window deep in many: collect the matches from the search index, then sort them. */
        COLLECT;

        /** A walk reads about (offset + limit) ÷ (share matching) rows: worth it near the top of many matches. */
        private static final int WALK_REACH = 2_000;

        static SearchPlan of(int found, int offset, int limit) {
            return found > FirstWindow.COUNT_CAP && offset + limit <= WALK_REACH ? WALK : COLLECT;
        }
    }

    /** What any sort orders by: the matches are collected with these only (never the rows' words). */
    private static final String SORT_KEYS = "c.conversation_id, c.sender_name, c.last_message, c.last_message_time, "
            + "c.message_count, c.unread_count";

    private static List<ConversationRow> rows(Connection c, ConversationFilter filter, ConversationSort sort, int offset,
                                              int limit, SearchPlan plan) throws SQLException {
        boolean walk = plan == SearchPlan.WALK;
        FilterSql where = FilterSql.of(filter, walk ? FilterSql.Search.PER_ROW : FilterSql.Search.COLLECTED);
        if (walk) {
            try (Statement s = c.createStatement()) {
                // GIN indexes are read only by bitmap scans: without them the planner walks the sort's index
                s.execute("SET LOCAL enable_bitmapscan = off");
            }
        }
        return rows(c, where, sort, offset, limit, plan == SearchPlan.COLLECT);
    }

    private static List<ConversationRow> rows(Connection c, FilterSql where, ConversationSort sort, int offset, int limit,
                                              boolean collect) throws SQLException {
        String ids = collect
                ? "WITH found AS MATERIALIZED (SELECT " + SORT_KEYS + " FROM messenger_conversations c" + where.where() + ")"
                  + " SELECT c.conversation_id FROM found c" + SortSql.orderBy(sort) + " OFFSET ? LIMIT ?"
                : "SELECT c.conversation_id FROM messenger_conversations c" + where.where() + SortSql.orderBy(sort)
                  + " OFFSET ? LIMIT ?";
        try (PreparedStatement s = c.prepareStatement(windowOf(ids, sort))) {
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
    }

    /**
     * The window's columns for the conversations {@code idsSql} picks. The ids come from the sort's index alone
     * (an index-only scan, however deep the OFFSET); the rows, and their per-row subqueries (the newest message,
     * a count of stored messages), are read for the window only. The outer ORDER BY sorts those rows again.
     */
    private static String windowOf(String idsSql, ConversationSort sort) {
        return "SELECT " + ConversationQueries.COLUMNS + ", " + LAST_MESSAGE + " FROM (" + idsSql + ") AS picked"
                + " JOIN messenger_conversations c ON c.conversation_id = picked.conversation_id" + SortSql.orderBy(sort);
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
