package app.inboxsync.store.read;

import app.inboxsync.read.ConversationFilter;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;

/** A {@link ConversationFilter} as a WHERE clause over {@code messenger_conversations c}, with its parameters. */
record FilterSql(String where, List<Object> params) {

    /**
     * The search's words as a prefix query, split by the same parser as the indexed texts (so "shop.com" or
     * "e-mail" are cut the same way on both sides): "blue dre" becomes {@code 'blue':* & 'dre':*}. A search
     * without any word (only emoji or punctuation) matches nothing.
     */
    private static final String WORDS = """
            to_tsquery('simple', (SELECT string_agg('''' || replace(replace(w.lexeme, '\\', '\\\\'), '''', '''''')
                                                       || ''':*', ' & ')
                                    FROM unnest(to_tsvector('simple', ?)) AS w))""";

    /**
     * The words a conversation is found by: its sender's name, its snippet, its notes, and the words of all its
     * stored messages (message_words, kept by V9's triggers). Spelled exactly as V9's GIN index, or the planner
     * ignores the index.
     */
    private static final String SEARCH_WORDS = "(to_tsvector('simple', coalesce(c.sender_name, '') || ' ' || "
            + "coalesce(c.last_message, '') || ' ' || coalesce(c.notes, '')) || c.message_words)";
    private static final String SEARCH = SEARCH_WORDS + " @@ " + WORDS;

    static FilterSql of(ConversationFilter f) {
        List<String> conditions = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        if (f.pageId() != null) {
            conditions.add("c.page_id = ?");
            params.add(f.pageId());
        }
        if (f.search() != null) {
            conditions.add(SEARCH);
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
