package app.inboxsync.sync;

import app.inboxsync.domain.SyncMode;
import java.time.Duration;

/** How the sync of one Page ended. {@code error} is null on success and a human sentence otherwise. */
public record SyncResult(String pageId, Status status, SyncMode mode, BatchWrite counts, int apiCalls,
                         int conversationsSeen, Duration elapsed, String error) {

    public enum Status {
        SUCCEEDED, FAILED, CANCELLED,
        /** Another sync of the same Page held its lock; nothing was done. */
        ALREADY_RUNNING
    }

    /** A sync that did nothing: no mode, no counts, no time; {@code message} says why. */
    public static SyncResult refused(String pageId, Status status, String message) {
        return new SyncResult(pageId, status, null, BatchWrite.NONE, 0, 0, Duration.ZERO, message);
    }

    public boolean succeeded() {
        return status == Status.SUCCEEDED;
    }
}
