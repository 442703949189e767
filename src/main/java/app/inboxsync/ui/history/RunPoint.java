package app.inboxsync.ui.history;

import app.inboxsync.read.SyncRunRow;
import java.time.Duration;

/**
 * One run in the charts: conversations touched (inserted + updated) and how long it took.
 *
 * @param page    the Page's name: with all Pages shown, each Page is a series of its own (the legend says which)
 * @param number  the run's number among its Page's runs: "#3" is the Page's third sync
 * @param seconds 0 for a run that has not finished
 */
public record RunPoint(String page, int number, int touched, double seconds) {
    static RunPoint of(SyncRunRow run, String page, int number) {
        double seconds = run.finishedAt() == null ? 0 : Duration.between(run.startedAt(), run.finishedAt()).toMillis() / 1000.0;
        return new RunPoint(page, number, run.conversationsInserted() + run.conversationsUpdated(), seconds);
    }

    /** The category on the chart's axis: "#3". */
    public String label() {
        return "#" + number;
    }
}
