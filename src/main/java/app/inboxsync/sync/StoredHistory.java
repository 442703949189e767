package app.inboxsync.sync;

import java.time.Instant;

/**
 * What the copy holds of one conversation's history, read before its listing page is written.
 *
 * @param newestMessage created_time of the newest stored message, null when none is stored
 */
public record StoredHistory(HistoryState state, Instant newestMessage, String reason, int code) {
}
