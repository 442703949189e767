package app.inboxsync.ui.sync;

import app.inboxsync.domain.SyncMode;
import java.util.Objects;

/**
 * One Page's sync as the UI shows it, at one moment.
 *
 * @param seen     conversations processed so far (the live counter on the Sync button)
 * @param touched  conversations inserted or updated so far
 * @param expected a guess of the total for the progress bar (the stored count), 0 when unknown
 * @param message  what is happening (a rate-limit wait) or how it ended; null when there is nothing to say
 * @param historyPagesLeft older-message pages still to fetch once the list is stored (estimated from Graph's
 *                         message counts); -1 while the list is still being read
 */
public record PageProgress(String pageId, String pageName, Phase phase, SyncMode mode, int seen, int touched,
                           int inserted, int updated, long expected, int batches, int apiCalls, String message,
                           int historyPagesDone, int historyPagesLeft) {

    public enum Phase {
        QUEUED, SYNCING, WAITING, SUCCEEDED, FAILED, CANCELLED,
        /** Another process (a scheduled sync, another window) was already syncing the Page: nothing was done here. */
        SKIPPED;

        public boolean running() {
            return this == QUEUED || this == SYNCING || this == WAITING;
        }
    }

    public PageProgress {
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(phase, "phase");
    }

    public PageProgress(String pageId, String pageName, Phase phase, SyncMode mode, int seen, int touched,
                        int inserted, int updated, long expected, int batches, int apiCalls, String message) {
        this(pageId, pageName, phase, mode, seen, touched, inserted, updated, expected, batches, apiCalls, message,
                0, -1);
    }

    public static PageProgress queued(String pageId, String pageName) {
        return new PageProgress(pageId, pageName, Phase.QUEUED, null, 0, 0, 0, 0, 0, 0, 0, null);
    }

    /** The list is stored and the older messages of long threads are being fetched. */
    public boolean inHistory() {
        return historyPagesLeft >= 0 && phase.running();
    }

    /** "older messages: 94 pages to go". */
    public String historyWords() {
        return "older messages: " + CountWords.count(historyPagesLeft, "page") + " to go";
    }

    /** Share of the expected conversations processed, or -1 when the total is unknown (indeterminate bar). */
    public double fraction() {
        if (phase == Phase.SUCCEEDED) {
            return 1.0;
        }
        if (inHistory()) {
            int total = historyPagesDone + historyPagesLeft;
            return total == 0 ? 1.0 : (double) historyPagesDone / total;
        }
        if (expected <= 0 || mode != SyncMode.FULL) {
            // an incremental pass stops when it reaches what is stored: its total is not knowable up front
            return -1;
        }
        return Math.min(1.0, (double) seen / expected);
    }

    PageProgress with(Phase newPhase, String newMessage) {
        return new PageProgress(pageId, pageName, newPhase, mode, seen, touched, inserted, updated, expected, batches,
                apiCalls, newMessage, historyPagesDone, historyPagesLeft);
    }

    PageProgress withHistory(int pagesDone, int pagesLeft, int calls) {
        return new PageProgress(pageId, pageName, Phase.SYNCING, mode, seen, touched, inserted, updated, expected,
                batches, calls, null, pagesDone, pagesLeft);
    }
}
