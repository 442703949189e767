package app.inboxsync.app.background;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where the desktop's database and network work runs. The window adapts it to its toolkit (off the FX thread,
 * handlers back on it: {@code ui.common.FxBackground}); view-model tests run it on their own thread
 * ({@link #currentThread()}), so they need neither the toolkit nor a thread.
 */
@FunctionalInterface
public interface Background {

    /**
     * Starts {@code work}; afterwards exactly one handler runs, where the handlers of this background run.
     * A failure reaches {@code onFailure} as one sentence ({@link UserMessages#couldNot}).
     */
    <T> void run(String what, Callable<T> work, Consumer<T> onSuccess, Consumer<String> onFailure);

    /** Runs the work and its handler at once, on the caller's thread. */
    static Background currentThread() {
        return CurrentThreadBackground.INSTANCE;
    }
}
