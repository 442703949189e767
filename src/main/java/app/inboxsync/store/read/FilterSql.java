package app.inboxsync.store.read;

import app.inboxsync.read.ConversationFilter;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link ConversationFilter} as a WHERE clause over {@code messenger_conversations c} (or, for a search it
 * answers alone, {@code conversation_words c}: see {@link Search#OWN}), with its parameters.
 */
record FilterSql(String where, List<Object> params) {

    /**
     * The search's words as a prefix query, split by the same parser as the indexed texts (so "shop.com" or
     * "e-mail" are cut the same way on both sides): "blue dre" becomes {@code 'blue':* & 'dre':*}. A search
     * without any word (only emoji or punctuation) matches nothing. The whole query is one uncorrelated
     * subquery, so it is made once per statement: a to_tsquery around the subquery would parse it again for
     * every row a walk tests (a window at 5,000 took 68 ms that way, 9 ms this way).
     */
    private static final String WORDS = """
            (SELECT to_tsquery('simple', string_agg('''' || replace(replace(w.lexeme, '\\', '\\\\'), '''', '''''')
                                                      || ''':*', ' & '))
               FROM unnest(to_tsvector('simple', ?)) AS w)""";

    /**
     * How a search's condition is written, which decides how the planner can run it (the planner cannot tell
     * a common word from a rare one: a prefix query's selectivity is a guess). All read conversation_words:
     * every word a conversation is found by (its sender, snippets, notes and messages).
     */
    enum Search {
        /** Collected: the ids of all matches from the GIN index, then the other conditions. Quick for a rare word. */
        COLLECTED("c.conversation_id IN (SELECT w.conversation_id FROM conversation_words w WHERE w.words @@ " + WORDS + ")"),
        /**
         * Tested row by row: a scalar subquery is never turned into a join, so walking the sort's index probes
         * each conversation's words by their primary key, and a common word fills a window after a few hundred.
         */
        PER_ROW("(SELECT true FROM conversation_words w WHERE w.conversation_id = c.conversation_id AND w.words @@ "
                + WORDS + ")"),
        /**
         * Over conversation_words itself, aliased {@code c}: V10 gave it the columns of messenger_conversations
         * a filter tests but the tags, under their names, so the other conditions and SortSql's time order read
         * the same there.
         */
        OWN("c.words @@ " + WORDS);

        private final String condition;

        Search(String condition) {
            this.condition = condition;
        }
    }

    /**
     * {@code f} over {@code conversation_words c} (V10): a search's matches with every other condition of it.
     * Not with a tag, which that table does not hold (see {@link #onWordsAlone}).
     */
    static FilterSql onWords(ConversationFilter f) {
        if (!onWordsAlone(f)) {
            throw new IllegalArgumentException("conversation_words holds no tags");
        }
        return of(f, Search.OWN);
    }

    /** Whether conversation_words holds every column {@code f} tests: all but the tags. */
    static boolean onWordsAlone(ConversationFilter f) {
        return f.tag() == null;
    }

    static FilterSql of(ConversationFilter f) {
        return of(f, Search.COLLECTED);
    }

    /**
     * {@code f} with its search already answered: the conversations among {@code ids} (every match of
     * {@link #onWords}). A list of ids the planner can see is one it plans right, where the search's own
     * estimate is a guess.
     */
    static FilterSql among(ConversationFilter f, java.sql.Array ids) {
        FilterSql rest = of(f.withSearch(null));
        List<Object> params = new ArrayList<>(rest.params);
        params.add(ids);
        return new FilterSql((rest.where.isEmpty() ? " WHERE " : rest.where + " AND ") + "c.conversation_id = ANY(?)",
                List.copyOf(params));
    }

    static FilterSql of(ConversationFilter f, Search form) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (f.pageId() != null) {
            conditions.add("c.page_id = ?");
            params.add(f.pageId());
        } else if (form == Search.OWN) {
            conditions.add("c.page_id IS NOT NULL"); // words stored before their conversation: nothing to show yet
        }
        if (f.search() != null) {
            conditions.add(form.condition);
            params.add(f.search());
        }
        if (f.folder() != null) {
            conditions.add("c.folder = ?");
            params.add(f.folder().wireName());
        }
        if (f.tag() != null) {
            conditions.add("c.tags @> ARRAY[?]::text[]");
            params.add(f.tag());
        }
        if (f.unreadOnly()) {
            conditions.add("c.unread_count > 0");
        }
        if (f.from() != null) {
            conditions.add("c.last_message_time >= ?");
            params.add(Timestamp.from(f.from()));
        }
        if (f.until() != null) {
            conditions.add("c.last_message_time < ?");
            params.add(Timestamp.from(f.until()));
        }
        return new FilterSql(conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions), List.copyOf(params));
    }

    /** Binds the parameters from index {@code first}; returns the next free index. */
    int bind(PreparedStatement s, int first) throws SQLException {
        int i = first;
        for (Object p : params) {
            s.setObject(i++, p);
        }
        return i;
    }
}
