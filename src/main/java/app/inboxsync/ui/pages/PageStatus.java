package app.inboxsync.ui.pages;

import static app.inboxsync.ui.sync.CountWords.conversations;
import static app.inboxsync.ui.sync.CountWords.histories;
import static app.inboxsync.ui.sync.CountWords.number;

import app.inboxsync.app.RelativeTime;
import app.inboxsync.read.PageSummary;
import app.inboxsync.sync.RunOutcome.RunStatus;
import app.inboxsync.ui.sync.PageProgress;
import java.time.Instant;

/**
 * What the sidebar says about a Page: its state and one line of words. A sync in progress wins; then a token
 * Facebook refused (only "Reconnect" helps); then the last run's failure; otherwise when it last synced.
 */
public record PageStatus(State state, String line) {
    public enum State { IDLE, CANCELLED, QUEUED, SYNCING, FAILED, TOKEN_INVALID, NEVER_SYNCED }

    public static PageStatus of(PageSummary page, PageProgress live, Instant now) {
        if (live != null && live.phase() == PageProgress.Phase.QUEUED) {
            return new PageStatus(State.QUEUED, "Waiting for its turn…");
        }
        if (live != null && live.phase().running()) {
            String line = "Syncing… " + number(live.seen());
            if (live.inHistory()) {
                line = "Syncing… " + conversations(live.seen()) + " · " + live.historyWords();
            }
            if (live.phase() == PageProgress.Phase.WAITING && live.message() != null) {
                line += " · " + live.message();
            }
            return new PageStatus(State.SYNCING, line);
        }
        if (!page.tokenValid()) {
            return new PageStatus(State.TOKEN_INVALID, "Token invalid — Reconnect"
                    + (page.tokenError() == null ? "" : ": " + page.tokenError()));
        }
        RunStatus last = page.lastRunStatus();
        if (last == null) {
            return neverSynced(page);
        }
        return switch (last) {
            // not ours: a scheduled CLI sync or another window is on it (or a killed one the next sync will close)
            case RUNNING -> new PageStatus(State.SYNCING, "Syncing in another Inbox Sync process…");
            case FAILED -> new PageStatus(State.FAILED,
                    "Failed: " + (page.lastRunError() == null ? "see Sync history" : page.lastRunError()));
            case CANCELLED -> ended(page, State.CANCELLED, "Cancelled ", now); // what it synced is kept, but not a success
            case SUCCEEDED -> ended(page, State.IDLE, "Synced ", now);
        };
    }

    private static PageStatus ended(PageSummary page, State state, String how, Instant now) {
        if (page.lastRunFinishedAt() == null) {
            return neverSynced(page);
        }
        return new PageStatus(state, how + RelativeTime.ago(page.lastRunFinishedAt(), now) + " · "
                + conversations(page.conversations()) + histories(page));
    }

    private static PageStatus neverSynced(PageSummary page) {
        return new PageStatus(State.NEVER_SYNCED, "Never synced · " + conversations(page.conversations()));
    }
}
