package app.inboxsync.ui.history;

import app.inboxsync.domain.SyncMode;
import app.inboxsync.read.SyncRunRow;
import app.inboxsync.ui.common.Times;
import app.inboxsync.ui.sync.RunState;
import app.inboxsync.ui.sync.SummaryText;
import java.time.Duration;
import java.time.ZoneId;

/**
 * One row of the history table, as shown: a {@code sync_runs} row with its Page's name and the words people read.
 *
 * @param number      the run's number among its Page's runs ("#3" = the Page's third sync), 0 when unknown
 * @param started     the short form of the start; {@code startedFull} is its tooltip
 * @param duration    empty while the run is going (or when its process died before it could finish)
 */
public record RunLine(long runId, int number, String started, String startedFull, String page, String mode,
                      RunState state, int inserted, int updated, int unchanged, int messagesNew, int apiCalls,
                      String duration, String error) {

    static RunLine of(SyncRunRow run, int number, String pageName, ZoneId zone) {
        return new RunLine(run.id(), number, Times.shortForm(run.startedAt(), zone),
                Times.fullForm(run.startedAt(), zone), pageName,
                run.mode() == SyncMode.FULL ? "Full" : "Incremental", RunState.ofStored(run.status()),
                run.conversationsInserted(), run.conversationsUpdated(), run.conversationsUnchanged(),
                run.messagesInserted(), run.apiCalls(),
                run.finishedAt() == null ? "" : SummaryText.duration(Duration.between(run.startedAt(), run.finishedAt())),
                run.error() == null ? "" : run.error());
    }

    /** "Succeeded", "Cancelled"…: the state's word. */
    public String status() {
        return state.label();
    }

    /** "#3", or "" when the number is not known. */
    public String numberText() {
        return number > 0 ? "#" + number : "";
    }
}
