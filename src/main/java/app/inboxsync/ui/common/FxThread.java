package app.inboxsync.ui.common;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;

/**
 * For code that drives a window from another thread (the bench's UI scenario, the screenshot tour): run a bit of
 * work on the FX thread and wait for its answer, or wait until something shown is true. Never call it on the FX
 * thread itself.
 */
public final class FxThread {
    private static final Duration POLL = Duration.ofMillis(50);

    private FxThread() {
    }

    public static <T> T call(Callable<T> work) {
        FutureTask<T> task = new FutureTask<>(work);
        Platform.runLater(task);
        try {
            return task.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the FX thread.", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("The FX thread did not answer within 30 s.", e);
        }
    }

    public static void run(Runnable work) {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Checks {@code shown} on the FX thread every 50 ms until it holds; fails saying {@code what} after {@code timeout}. */
    public static void waitUntil(Callable<Boolean> shown, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!call(shown)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Gave up after " + timeout.toSeconds() + " s waiting for " + what + ".");
            }
            pause(POLL);
        }
    }

    public static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted.", e);
        }
    }
}
