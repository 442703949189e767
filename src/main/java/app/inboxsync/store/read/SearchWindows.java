package app.inboxsync.store.read;

import app.inboxsync.read.ConversationBrowsing.FirstWindow;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The windows of a search. The planner cannot tell a common word from a rare one (a prefix query's selectivity
 * is a guess), and guessing wrong costs a second either way: walking the sort's index for a rare word reads
 * every conversation; reading the search index for a word in most of them fetches tens of thousands. So a
 * search first learns how many it finds, counting no further than {@link FirstWindow#COUNT_CAP}, and lists the
 * matches by id when there are few; that decides how its window is found.
 */
final class SearchWindows {
    private final int listedMatches;

    /** @param listedMatches up to how many matches a search lists by id (tests make it small to reach the rest) */
    SearchWindows(int listedMatches) {
        this.listedMatches = listedMatches;
    }

    /** The capped count and the first window, in one transaction (see {@link #searching}). */
    FirstWindow first(Connection c, ConversationFilter filter, ConversationSort sort, int limit) throws SQLException {
        Matches found = matches(c, filter);
        return new FirstWindow(Math.min(found.count(), FirstWindow.COUNT_CAP), found.count() > FirstWindow.COUNT_CAP,
                rows(c, filter, found, sort, 0, limit));
    }

    List<ConversationRow> window(Connection c, ConversationFilter filter, ConversationSort sort, int offset, int limit)
            throws SQLException {
        return rows(c, filter, matches(c, filter), sort, offset, limit);
    }

    /**
     * What a search finds before a window is read.
     *
     * @param count      how many, counted no further than one past the cap
     * @param rowsOfWords about how many rows conversation_words has (the planner's own figure, all Pages), to
     *                   tell what a walk of it would read
     * @param listed     the filter among the matches' ids, when there were few enough to list
     */
    private record Matches(int count, double rowsOfWords, Optional<FilterSql> listed) {
    }

    /**
     * Counted in conversation_words (V10: the columns a filter tests are there), without a join; with a tag,
     * which is mostly on few conversations, among the tag's conversations (its index), each one's words tested.
     * Listed by id when there are few.
     */
    private Matches matches(Connection c, ConversationFilter filter) throws SQLException {
        boolean onWords = FilterSql.onWordsAlone(filter);
        FilterSql where = found(filter);
        try (PreparedStatement s = c.prepareStatement("SELECT (SELECT count(*) FROM (SELECT 1 FROM "
                + (onWords ? "conversation_words c" : "messenger_conversations c") + where.where()
                + " LIMIT " + (FirstWindow.COUNT_CAP + 1) + ") AS found),"
                + " (SELECT reltuples FROM pg_class WHERE oid = 'conversation_words'::regclass)")) {
            where.bind(s, 1);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                int found = rs.getInt(1);
                return new Matches(found, rs.getDouble(2), found <= listedMatches ? listed(c, filter) : Optional.empty());
            }
        }
    }

    /** What a search counts and lists: over conversation_words, or over conversations for a tag (see above). */
    private static FilterSql found(ConversationFilter filter) {
        return FilterSql.onWordsAlone(filter) ? FilterSql.onWords(filter) : FilterSql.of(filter, FilterSql.Search.PER_ROW);
    }

    /**
     * Up to this many matches are listed by id: a word that is not everywhere. Listing more would cost more than
     * the capped count and the plans below (20,000 added 20 ms to a common word).
     */
    static final int LISTED_MATCHES = 2_000;

    /**
     * The search's matches as a list of ids (from the part of the filter conversation_words can test), when they
     * are few enough to list: the filter to use then. A list of ids the planner can see is one it plans right.
     */
    private Optional<FilterSql> listed(Connection c, ConversationFilter filter) throws SQLException {
        boolean onWords = FilterSql.onWordsAlone(filter);
        FilterSql where = found(filter);
        List<String> ids = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT c.conversation_id FROM "
                + (onWords ? "conversation_words c" : "messenger_conversations c") + where.where()
                + " LIMIT ?")) {
            s.setInt(where.bind(s, 1), listedMatches + 1);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        }
        return ids.size() > listedMatches ? Optional.empty()
                : Optional.of(FilterSql.among(filter, c.createArrayOf("text", ids.toArray())));
    }

    /**
     * A search's window: straight from the listed matches when there were few enough to list; in one Page's
     * time order, from conversation_words alone; else by the plan the count chooses.
     */
    private static List<ConversationRow> rows(Connection c, ConversationFilter filter, Matches found,
                                              ConversationSort sort, int offset, int limit) throws SQLException {
        if (found.listed().isPresent()) {
            return WindowRows.read(c, found.listed().get(), false, sort, offset, limit, false);
        }
        if (FilterSql.onWordsAlone(filter) && filter.pageId() != null && sort.column() == ConversationSort.Column.TIME) {
            boolean walk = walksWords(found, offset, limit);
            walkingOnly(c, walk);
            return WindowRows.read(c, FilterSql.onWords(filter), true, sort, offset, limit, !walk);
        }
        SearchPlan plan = SearchPlan.of(found.count(), offset, limit);
        walkingOnly(c, plan == SearchPlan.WALK);
        FilterSql where = FilterSql.of(filter, plan == SearchPlan.WALK ? FilterSql.Search.PER_ROW : FilterSql.Search.COLLECTED);
        return WindowRows.read(c, where, false, sort, offset, limit, plan == SearchPlan.COLLECT);
    }

    /**
     * Rows of conversation_words a walk may test for one window (about 25 ms on a 2-core machine): about its
     * collecting cost when the matches are few.
     */
    private static final int WORDS_WALK_ROWS = 100_000;

    /**
     * Whether to walk (page_id, last_message_time, conversation_id) testing each row, which reads about
     * (offset + limit) × rows ÷ matches rows, rather than collect every match from the GIN index and sort
     * them. Past the cap: always (a walk never reads more than the Page's rows, the collecting at least 10,000
     * and a sort).
     */
    private static boolean walksWords(Matches found, int offset, int limit) {
        return found.count() > FirstWindow.COUNT_CAP
                || (double) (offset + limit) * Math.max(found.rowsOfWords(), 1) / Math.max(found.count(), 1) <= WORDS_WALK_ROWS;
    }

    /** GIN indexes are read only by bitmap scans: without them the planner walks the sort's index. */
    private static void walkingOnly(Connection c, boolean walk) throws SQLException {
        if (walk) {
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL enable_bitmapscan = off");
            }
        }
    }

    /** How a window in another order is found among the conversations, when there were too many to list. */
    enum SearchPlan {
        /** Many matches and an early window: walk the sort's index and test each row, stop after the window. */
        WALK,
        /** Fewer matches, or a window deep in many: collect the matches from the search index, then sort them. */
        COLLECT;

        /**
         * A walk reads about (offset + limit) ÷ (share matching) rows, probing each one's words by primary key:
         * worth it near the top of many matches.
         */
        private static final int WALK_REACH = 2_000;

        static SearchPlan of(int found, int offset, int limit) {
            return found > FirstWindow.COUNT_CAP && offset + limit <= WALK_REACH ? WALK : COLLECT;
        }
    }

    interface Step<T> {
        T run() throws SQLException;
    }

    /**
     * A search's statements, in a transaction of their own for its planner settings (SET LOCAL ends with it).
     * No full scans: the planner's guess of a prefix query's matches (a default, whatever the word) would make
     * it scan all conversations to hash one match; with the scans off it goes from the matches to their rows.
     */
    static <T> T searching(Connection c, Step<T> step) throws SQLException {
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
}
