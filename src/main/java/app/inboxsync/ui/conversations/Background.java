package app.inboxsync.ui.conversations;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Where the browser's database work runs: {@code UiTasks::run} in the app (off the FX thread, handlers back on
 * it), the current thread in view-model tests.
 */
@FunctionalInterface
public interface Background {
    <T> Object run(String what, Callable<T> work, Consumer<T> onSuccess, Consumer<String> onFailure);
}
