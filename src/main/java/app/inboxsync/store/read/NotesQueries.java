package app.inboxsync.store.read;

import app.inboxsync.read.ConversationNotes;
import app.inboxsync.store.jdbc.Transaction;
import app.inboxsync.store.server.Database;

import java.sql.PreparedStatement;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * A conversation's notes: the admins' own text in {@code messenger_conversations.notes}, which no sync writes (the
 * upsert names its columns, and notes is not one), found by the search (V8's index) and exported.
 */
public final class NotesQueries implements ConversationNotes {
    private final DataSource dataSource;

    public NotesQueries(Database database) {
        this(database.dataSource());
    }

    public NotesQueries(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Writes the conversation's notes (blank clears them); returns whether they changed. */
    @Override
    public boolean save(String conversationId, String notes) {
        String n = ConversationNotes.normalize(notes);
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
