package app.inboxsync.store;

import java.sql.PreparedStatement;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A conversation's notes: the admins' own text in {@code messenger_conversations.notes}, which no sync writes (the
 * upsert names its columns, and notes is not one), found by the search (V8's index) and exported.
 */
public final class ConversationNotes {
    /** A note is for a few lines about a customer; a pasted book is cut, not refused. */
    public static final int MAX_LENGTH = 10_000;
    private final DataSource dataSource;

    public ConversationNotes(Database database) {
        this(database.dataSource());
    }

    public ConversationNotes(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Notes as stored: without U+0000 (PostgreSQL text cannot hold it), at most {@link #MAX_LENGTH}; null if blank. */
    public static String normalize(String notes) {
        if (notes == null) {
            return null;
        }
        String n = notes.replace("\u0000", "");
        if (n.codePointCount(0, n.length()) > MAX_LENGTH) {
            n = n.substring(0, n.offsetByCodePoints(0, MAX_LENGTH));
        }
        return n.isBlank() ? null : n;
    }

    /** Writes the conversation's notes (blank clears them); returns whether they changed. */
    public boolean save(String conversationId, String notes) {
        String n = normalize(notes);
        return Transaction.run(dataSource, "save the notes", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE messenger_conversations SET notes = ?, notes_updated_at = now()"
                    + " WHERE conversation_id = ? AND notes IS DISTINCT FROM ?")) {
                s.setString(1, n);
                s.setString(2, conversationId);
                s.setString(3, n);
                return s.executeUpdate() == 1;
            }
        });
    }
}
