package app.inboxsync.read;

/**
 * A conversation's notes: the admins' own text, which no sync writes, found by the search and exported.
 */
public interface ConversationNotes {
    /** A note is for a few lines about a customer; a pasted book is cut, not refused. */
    int MAX_LENGTH = 10_000;

    /** Notes as stored: without U+0000 (PostgreSQL text cannot hold it), at most {@link #MAX_LENGTH}; null if blank. */
    static String normalize(String notes) {
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
    boolean save(String conversationId, String notes);
}
