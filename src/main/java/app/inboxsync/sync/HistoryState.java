package app.inboxsync.sync;

import java.util.Locale;

/**
 * How much of a conversation's message history the copy holds. Stored per conversation, so a pass that stops
 * in its history phase leaves behind exactly which threads still need their older messages.
 */
public enum HistoryState {
    /** Older messages may still be missing: the history phase walks this thread (again) from its newest message. */
    PENDING,
    /** Every message Graph lists for this thread is stored. */
    COMPLETE,
    /**
     * Facebook refused the older messages (an error on this thread's messages, or messages without their
     * details): what it gave is stored, the rest is out of reach. Not asked again until the thread changes.
     */
    WITHHELD;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static HistoryState ofWireName(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
