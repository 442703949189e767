package app.inboxsync.store.read;

import app.inboxsync.read.ContactFacts;
import app.inboxsync.read.ContactLookup;
import app.inboxsync.store.jdbc.Rows;
import app.inboxsync.store.jdbc.Transaction;
import app.inboxsync.store.server.Database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** The contact panel's read: one conversation's {@link ContactFacts}, in one statement on the thread index. */
public final class ContactQueries implements ContactLookup {
    private static final String SQL = """
            SELECT min(m.created_time) AS first_message, max(m.created_time) AS last_message,
                   count(*) FILTER (WHERE m.message_id IS NOT NULL AND NOT m.is_from_page)::int4 AS from_customer,
                   count(*) FILTER (WHERE m.is_from_page)::int4 AS from_page,
                   c.notes, c.notes_updated_at
              FROM messenger_conversations c
              LEFT JOIN messenger_messages m ON m.conversation_id = c.conversation_id
             WHERE c.conversation_id = ?
             GROUP BY c.conversation_id, c.notes, c.notes_updated_at
            """;
    private final DataSource dataSource;

    public ContactQueries(Database database) {
        this(database.dataSource());
    }

    public ContactQueries(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Empty when the conversation is not stored (any more). */
    @Override
    public Optional<ContactFacts> facts(String conversationId) {
        return Transaction.read(dataSource, "read the contact", c -> {
            try (PreparedStatement s = c.prepareStatement(SQL)) {
                s.setString(1, conversationId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new ContactFacts(Rows.instant(rs, "first_message"), Rows.instant(rs, "last_message"),
                            rs.getInt("from_customer"), rs.getInt("from_page"),
                            rs.getString("notes"), Rows.instant(rs, "notes_updated_at")));
                }
            }
        });
    }
}
