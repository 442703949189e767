package app.inboxsync.sync;

import java.time.Instant;
import java.util.Locale;

/**
 * How a sync run ended, as recorded in {@code sync_runs}.
 *
 * @param newWatermark set only for a pass that completed; the store then advances {@code last_synced_at}
 *                     to it in the same transaction that closes the run
 * @param error        a human message for failed and cancelled runs (never a token, never a stack trace)
 */
public record RunOutcome(RunStatus status, BatchWrite counts, int apiCalls, Instant newWatermark, String error) {
    /**
     * A run's status, the one notion of it: what {@code sync_runs.status} holds, what the history and the Pages
     * read back. A run is {@link #RUNNING} until it ends; an outcome is one of the other three.
     */
    public enum RunStatus {
        RUNNING, SUCCEEDED, FAILED, CANCELLED;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The status a {@code sync_runs} row holds. */
        public static RunStatus parse(String wireName) {
            return valueOf(wireName.strip().toUpperCase(Locale.ROOT));
        }
    }

    public RunOutcome {
        if (status == RunStatus.RUNNING) {
            throw new IllegalArgumentException("an outcome is how a run ended; RUNNING is not an end");
        }
        if (status != RunStatus.SUCCEEDED && newWatermark != null) {
            throw new IllegalArgumentException("only a completed pass may move the watermark");
        }
    }
}
