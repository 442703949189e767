package app.inboxsync.ui;

import app.inboxsync.concurrent.DaemonThreads;
import app.inboxsync.ui.settings.DesktopSettings;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The database opens while JavaFX starts. Starting the embedded PostgreSQL and checking its schema takes a second
 * or two, and so does JavaFX's first frame: one after the other, they doubled the wait for a usable window. The
 * launcher starts this before JavaFX; the window takes the session over as its first one (if the saved settings
 * it was opened with are still the window's), and a session the window never took is closed when the app ends.
 *
 * @param <S> the session ({@code DesktopSession} in the app)
 */
final class EarlyOpening<S extends AutoCloseable> {
    private final DesktopSettings openedWith;
    private final CompletableFuture<S> session = new CompletableFuture<>();
    private final AtomicBoolean taken = new AtomicBoolean();

    private EarlyOpening(DesktopSettings openedWith) {
        this.openedWith = openedWith;
    }

    static <S extends AutoCloseable> EarlyOpening<S> start(DesktopSettings saved, Callable<S> open) {
        EarlyOpening<S> early = new EarlyOpening<>(saved);
        DaemonThreads.named("open-database").newThread(() -> {
            try {
                early.session.complete(open.call());
            } catch (Throwable failed) {
                early.session.completeExceptionally(failed);
            }
        }).start();
        return early;
    }

    /**
     * The opening, for the window's first session: it waits for the session and fails as opening it would have.
     * Empty when it was taken before or opened with other settings (the caller opens one itself).
     */
    Optional<Callable<S>> take(DesktopSettings current) {
        if (!openedWith.equals(current) || !taken.compareAndSet(false, true)) {
            return Optional.empty();
        }
        return Optional.of(() -> {
            try {
                return session.get();
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                if (cause instanceof Exception failure) {
                    throw failure;
                }
                throw (Error) cause;
            }
        });
    }

    /** Once the app has ended: closes the session the window never took, waiting at most {@code max} for it. */
    void closeIfNotTaken(Duration max) {
        if (!taken.compareAndSet(false, true)) {
            return;
        }
        try {
            session.get(max.toMillis(), TimeUnit.MILLISECONDS).close();
        } catch (ExecutionException | TimeoutException nothingToClose) {
            // it failed, or is still starting after all this time: the next start stops a server left running
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception closing) {
            // the app has ended: a server that did not stop is stopped by the next start
        }
    }
}
