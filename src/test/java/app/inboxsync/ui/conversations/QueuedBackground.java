package app.inboxsync.ui.conversations;

import app.inboxsync.app.background.Background;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Background work for view-model tests, on the test's thread: at once, or held until the test runs it. */
final class QueuedBackground implements Background {
    private final boolean immediate;
    final List<Runnable> pending = new ArrayList<>();
    final List<String> failures = new ArrayList<>();

    QueuedBackground(boolean immediate) {
        this.immediate = immediate;
    }

    @Override
    public <T> void run(String what, Callable<T> work, Consumer<T> onSuccess, Consumer<String> onFailure) {
        Runnable job = () -> {
            T value;
            try {
                value = work.call();
            } catch (Exception e) {
                failures.add(e.getMessage());
                onFailure.accept("Could not " + what + ": " + e.getMessage());
                return;
            }
            onSuccess.accept(value);
        };
        if (immediate) {
            job.run();
        } else {
            pending.add(job);
        }
    }

    /** Runs what is waiting, newest first (answers arriving out of order), until nothing is left. */
    void runNewestFirst() {
        while (!pending.isEmpty()) {
            pending.remove(pending.size() - 1).run();
        }
    }
}
