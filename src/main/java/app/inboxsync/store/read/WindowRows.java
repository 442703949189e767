package app.inboxsync.store.read;

import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * One window of the browser: its conversations' ids picked from an index (of messenger_conversations, or of
 * conversation_words for a search it answers alone), then only those rows read in full.
 */
final class WindowRows {
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

    /** What any sort orders by: the matches are collected with these only (never the rows' words). */
    private static final String COLLECT_CONVERSATIONS = "WITH found AS MATERIALIZED (SELECT c.conversation_id, c.sender_name,"
            + " c.last_message, c.last_message_time, c.message_count, c.unread_count FROM messenger_conversations c";

    /** What conversation_words holds of them (V10): it is collected for the time order only. */
    private static final String COLLECT_WORDS = "WITH found AS MATERIALIZED (SELECT c.conversation_id, c.last_message_time"
            + " FROM conversation_words c";

    private static final String PICK_CONVERSATIONS = "SELECT c.conversation_id FROM messenger_conversations c";
    private static final String PICK_WORDS = "SELECT c.conversation_id FROM conversation_words c";

    private WindowRows() {
    }

    /**
     * Rows {@code offset …} of those {@code where} picks, in {@code sort}'s order.
     *
     * @param onWords whether {@code where} is over conversation_words (FilterSql.Search.OWN), not messenger_conversations
     * @param collect whether to collect every row {@code where} picks first, then sort them (a materialized CTE,
     *                which the planner never turns into a walk of the sort's index)
     */
    static List<ConversationRow> read(Connection c, FilterSql where, boolean onWords, ConversationSort sort, int offset,
                                      int limit, boolean collect) throws SQLException {
        String ids = collect
                ? (onWords ? COLLECT_WORDS : COLLECT_CONVERSATIONS) + where.where() + ")"
                  + " SELECT c.conversation_id FROM found c" + SortSql.orderBy(sort) + " OFFSET ? LIMIT ?"
                : (onWords ? PICK_WORDS : PICK_CONVERSATIONS) + where.where() + SortSql.orderBy(sort) + " OFFSET ? LIMIT ?";
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
}
