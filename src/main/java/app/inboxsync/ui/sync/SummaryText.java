package app.inboxsync.ui.sync;

import app.inboxsync.app.RelativeTime;
import app.inboxsync.read.PageSummary;
import app.inboxsync.read.SyncRunRow;
import java.time.Duration;
import java.time.Instant;

/** The words of the summary card, from a {@code sync_runs} row: the old app's "Inserted 15 • Updated 10 • Total touched 25". */
public final class SummaryText {
    private SummaryText() {
    }

    public static String counts(int inserted, int updated) {
        return "Inserted " + inserted + " • Updated " + updated + " • Total touched " + (inserted + updated);
    }

    /** "Last sync (Page name)". */
    public static String title(String pageName) {
        return "Last sync (" + pageName + ")";
    }

    /** "Inserted 15 • Updated 10 • Total touched 25 · a few seconds ago", or what a failed run said. */
    public static String headline(SyncRunRow run, Instant now) {
        Instant when = run.finishedAt() != null ? run.finishedAt() : run.startedAt();
        String ago = RelativeTime.ago(when, now);
        return switch (run.status()) {
            case SUCCEEDED -> counts(run.conversationsInserted(), run.conversationsUpdated()) + " · " + ago;
            case RUNNING -> "Syncing since " + ago;
            case CANCELLED -> "Cancelled · " + counts(run.conversationsInserted(), run.conversationsUpdated()) + " · " + ago;
            case FAILED -> "Failed · " + ago + " — " + (run.error() == null ? "no reason was recorded" : run.error());
        };
    }

    /** The card while this window syncs the Page: "Syncing now · 250 conversations so far · 6 API calls". */
    public static String running(PageProgress live) {
        return switch (live.phase()) {
            case QUEUED -> "Waiting for a free sync slot…";
            case WAITING -> "Syncing now · " + CountWords.conversations(live.seen()) + " so far · " + live.message();
            default -> "Syncing now · " + CountWords.conversations(live.seen()) + " so far · "
                    + CountWords.count(live.apiCalls(), "API call");
        };
    }

    /** "Incremental · 2.1 s · 4 API calls · 120 messages new". */
    public static String details(SyncRunRow run) {
        StringBuilder b = new StringBuilder(switch (run.mode()) {
            case FULL -> "Full sync";
            case INCREMENTAL -> "Incremental";
        });
        if (run.finishedAt() != null) {
            b.append(" · ").append(duration(Duration.between(run.startedAt(), run.finishedAt())));
        }
        b.append(" · ").append(CountWords.count(run.apiCalls(), "API call"));
        b.append(" · ").append(CountWords.count(run.messagesInserted(), "new message"));
        return b.toString();
    }

    /** "Stored: 1,000 conversations · 12,345 messages · coverage 93.4 % · older messages of 3 pending · …". */
    public static String copy(PageSummary page) {
        return "Stored: " + CountWords.conversations(page.conversations()) + " · "
                + CountWords.count(page.messages(), "message")
                + " · coverage " + page.coverageText() + CountWords.histories(page);
    }

    public static String duration(Duration d) {
        long ms = d.toMillis();
        if (ms < 10_000) {
            return String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
        }
        long s = Math.round(ms / 1000.0);
        return s < 120 ? s + " s" : (s / 60) + " min " + (s % 60) + " s";
    }
}
