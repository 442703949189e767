package app.inboxsync.ui.common;

import app.inboxsync.concurrent.DaemonThreads;
import app.inboxsync.app.background.Background;
import app.inboxsync.app.background.UserMessages;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window's {@link Background}: database and network work runs off the FX thread as {@link Task}s, and the
 * outcome comes back on it. Failures become one sentence for the user ({@link UserMessages}); the stack trace
 * goes to the log only.
 */
public final class FxBackground implements Background, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FxBackground.class);
    private final ExecutorService executor;

    public FxBackground() {
        this(Executors.newCachedThreadPool(DaemonThreads.numbered("ui-task")));
    }

    /** On threads of the caller's choosing (a bounded pool for work that comes in floods); closing shuts it down. */
    public FxBackground(ExecutorService executor) {
        this.executor = executor;
    }

    @Override
    public <T> void run(String what, Callable<T> work, Consumer<T> onSuccess, Consumer<String> onFailure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> onSuccess.accept(task.getValue()));
        task.setOnFailed(e -> {
            Throwable error = task.getException();
            LOG.warn("Could not {}", what, error);
            onFailure.accept(UserMessages.couldNot(what, error));
        });
        if (executor.isShutdown()) {
            // the window closed while something (a sync's end) still asked for work: nobody would see the result
            LOG.debug("Not starting '{}': the window is closed", what);
            return;
        }
        executor.execute(task);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
