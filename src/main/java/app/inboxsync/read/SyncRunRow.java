package app.inboxsync.read;

import app.inboxsync.domain.SyncMode;
import app.inboxsync.sync.RunOutcome.RunStatus;
import java.time.Instant;

/** One {@code sync_runs} row. {@code finishedAt} is null while the run is going (or if its process died). */
public record SyncRunRow(
        long id,
        String pageId,
        SyncMode mode,
        RunStatus status,
        Instant startedAt,
        Instant finishedAt,
        int conversationsInserted,
        int conversationsUpdated,
        int conversationsUnchanged,
        int messagesInserted,
        int messagesUpdated,
        int apiCalls,
        Instant newWatermark,
        String error) {
}
