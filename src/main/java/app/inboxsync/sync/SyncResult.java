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

    public boolean succeeded() {
        return status == Status.SUCCEEDED;
    }
}
