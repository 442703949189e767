package app.inboxsync.sync;

import java.util.concurrent.atomic.AtomicBoolean;

/** Asks running syncs to stop at the next safe point (between Graph calls); what is written stays written. */
public final class CancelSignal {
    private final AtomicBoolean cancelled = new AtomicBoolean();

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get() || Thread.currentThread().isInterrupted();
    }

    void throwIfCancelled() {
        if (isCancelled()) {
            throw new SyncCancelledException();
        }
    }

    static final class SyncCancelledException extends RuntimeException {
        SyncCancelledException() {
            super("The sync was cancelled. What was written is kept; the next sync carries on from there.", null,
                    false, false);
        }
    }
}
