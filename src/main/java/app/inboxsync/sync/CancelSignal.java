package app.inboxsync.sync;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** Asks running syncs to stop at the next safe point (between Graph calls); what is written stays written. */
public final class CancelSignal {
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final CopyOnWriteArrayList<Runnable> onCancel = new CopyOnWriteArrayList<>();

    public void cancel() {
        if (cancelled.compareAndSet(false, true)) {
            onCancel.forEach(Runnable::run);
        }
    }

    /**
     * Runs {@code action} when cancel is asked (at once if it already was), e.g. to wake threads that sleep
     * through a long rate-limit wait. Closing the returned handle forgets the action.
     */
    public AutoCloseable whenCancelled(Runnable action) {
        onCancel.add(action);
        if (cancelled.get()) {
            action.run();
        }
        return () -> onCancel.remove(action);
    }

    /**
     * How many actions wait for a cancel. One signal can outlive many syncs (`sync --watch` keeps one for all its
     * rounds), so each sync must forget its action when it ends; tests check that here.
     */
    int actionsWaiting() {
        return onCancel.size();
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
