package app.inboxsync.store.read;

import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationStream;
import app.inboxsync.read.MessageRow;
import app.inboxsync.store.jdbc.Rows;
import app.inboxsync.store.jdbc.Transaction;
import app.inboxsync.store.server.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import javax.sql.DataSource;

/** Reading stored conversations: a whole thread, and the streaming export (the browser's windows: {@link ConversationBrowseQueries}). */
public final class ConversationQueries implements ConversationStream {
    static final String COLUMNS = """
            c.conversation_id, c.page_id, c.sender_id, c.sender_name, c.last_message, c.last_message_time,
            c.message_count, c.unread_count, c.folder, c.tags, c.notes, c.missing_since,
            CASE WHEN c.message_count IS NULL THEN (SELECT count(*)::int4 FROM messenger_messages sm
                                                     WHERE sm.conversation_id = c.conversation_id) END AS stored_messages
            """;
    static final String MESSAGE_COLUMNS = """
            m.message_id, m.conversation_id, m.from_id, m.from_name, m.is_from_page, m.text, m.created_time,
            m.attachments::text AS attachments, m.details_unavailable
            """;
    /** Rows fetched per round trip when streaming: bounded memory, whatever the page's size. */
    private static final int FETCH_SIZE = 1_000;

    private final DataSource dataSource;

    public ConversationQueries(Database database) {
        this(database.dataSource());
    }

    public ConversationQueries(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** One conversation's messages, oldest first. */
    @Override
    public List<MessageRow> messages(String conversationId) {
        String sql = "SELECT " + MESSAGE_COLUMNS + " FROM messenger_messages m WHERE m.conversation_id = ? "
                + "ORDER BY m.created_time, m.message_id";
        return Transaction.read(dataSource, "read conversation " + conversationId, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, conversationId);
                List<MessageRow> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.add(message(rs));
                    }
                }
                return rows;
            }
        });
    }

    /**
     * The conversations the filter shows (newest first), each with its messages (oldest first), one at a time.
     * Rows come through a server-side cursor, so only one conversation is in memory at once.
     */
    @Override
    public void forEachConversation(ConversationFilter filter, BiConsumer<ConversationRow, List<MessageRow>> sink) {
        FilterSql where = FilterSql.of(filter);
        String sql = "SELECT " + COLUMNS + ", " + MESSAGE_COLUMNS + """
                  FROM messenger_conversations c
                  LEFT JOIN messenger_messages m ON m.conversation_id = c.conversation_id
                """ + where.where() + """
                 ORDER BY c.last_message_time DESC, c.conversation_id, m.created_time, m.message_id
                """;
        Transaction.run(dataSource, "export the conversations", c -> {
            stream(c, sql, where, sink);
            return null;
        });
    }

    private static void stream(Connection c, String sql, FilterSql where,
                               BiConsumer<ConversationRow, List<MessageRow>> sink) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setFetchSize(FETCH_SIZE); // pgjdbc uses a cursor only with autocommit off, as Transaction.run sets
            where.bind(s, 1);
            try (ResultSet rs = s.executeQuery()) {
                ConversationRow current = null;
                List<MessageRow> messages = new ArrayList<>();
                while (rs.next()) {
                    String id = rs.getString("conversation_id");
                    if (current == null || !current.conversationId().equals(id)) {
                        if (current != null) {
                            sink.accept(current, List.copyOf(messages));
                        }
                        current = conversation(rs);
                        messages.clear();
                    }
                    if (rs.getString("message_id") != null) {
                        messages.add(message(rs));
                    }
                }
                if (current != null) {
                    sink.accept(current, List.copyOf(messages));
                }
            }
        }
    }

    static ConversationRow conversation(ResultSet rs) throws SQLException {
        return new ConversationRow(rs.getString("conversation_id"), rs.getString("page_id"),
                rs.getString("sender_id"), rs.getString("sender_name"), rs.getString("last_message"),
                Rows.instant(rs, "last_message_time"), rs.getObject("message_count", Integer.class),
                rs.getObject("unread_count", Integer.class), Rows.folder(rs, "folder"), Rows.strings(rs, "tags"),
                rs.getString("notes"), Rows.instant(rs, "missing_since"), rs.getObject("stored_messages", Integer.class));
    }

    static MessageRow message(ResultSet rs) throws SQLException {
        return new MessageRow(rs.getString("message_id"), rs.getString("conversation_id"), rs.getString("from_id"),
                rs.getString("from_name"), rs.getBoolean("is_from_page"), rs.getString("text"),
                Rows.instant(rs, "created_time"), rs.getString("attachments"), rs.getBoolean("details_unavailable"));
    }
}
