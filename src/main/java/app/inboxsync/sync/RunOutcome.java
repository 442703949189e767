package app.inboxsync.sync;

import java.time.Instant;

/**
 * How a sync run ended, as recorded in {@code sync_runs}.
 *
 * @param newWatermark set only for a pass that completed; the store then advances {@code last_synced_at}
 *                     to it in the same transaction that closes the run
 * @param error        a human message for failed and cancelled runs (never a token, never a stack trace)
 */
public record RunOutcome(RunStatus status, BatchWrite counts, int apiCalls, Instant newWatermark, String error) {
    public enum RunStatus { SUCCEEDED, FAILED, CANCELLED }

    public RunOutcome {
        if (status != RunStatus.SUCCEEDED && newWatermark != null) {
            throw new IllegalArgumentException("only a completed pass may move the watermark");
        }
    }
}
