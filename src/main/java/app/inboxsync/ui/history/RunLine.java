package app.inboxsync.ui.history;

import app.inboxsync.read.SyncRunRow;
import app.inboxsync.ui.sync.SummaryText;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * One row of the history table, as shown: a {@code sync_runs} row with its Page's name and the words people read.
 *
 * @param duration empty while the run is going (or when its process died before it could finish)
 */
public record RunLine(long runId, String started, String page, String mode, String status, int inserted, int updated,
                      int unchanged, int messagesNew, int apiCalls, String duration, String error) {
    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    static RunLine of(SyncRunRow run, String pageName, ZoneId zone) {
        return new RunLine(run.id(), STARTED.format(run.startedAt().atZone(zone)), pageName,
                switch (run.mode()) {
                    case FULL -> "Full";
                    case INCREMENTAL -> "Incremental";
                }, capitalized(run.status().wireName()),
                run.conversationsInserted(), run.conversationsUpdated(), run.conversationsUnchanged(),
                run.messagesInserted(), run.apiCalls(),
                run.finishedAt() == null ? "" : SummaryText.duration(Duration.between(run.startedAt(), run.finishedAt())),
                run.error() == null ? "" : run.error());
    }

    private static String capitalized(String s) {
        return s == null || s.isEmpty() ? "" : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
