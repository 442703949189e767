package app.inboxsync.ui.history;

import app.inboxsync.read.SyncRunRow;
import java.time.Duration;

/**
 * One run in the charts: conversations touched (inserted + updated) and how long it took.
 *
 * @param label   the run's number ("#12"): unique, unlike start times of Pages synced together
 * @param seconds 0 for a run that has not finished
 */
public record RunPoint(String label, int touched, double seconds) {
    static RunPoint of(SyncRunRow run) {
        double seconds = run.finishedAt() == null ? 0 : Duration.between(run.startedAt(), run.finishedAt()).toMillis() / 1000.0;
        return new RunPoint("#" + run.id(), run.conversationsInserted() + run.conversationsUpdated(), seconds);
    }
}
