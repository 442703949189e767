package app.inboxsync.app.background;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** {@link Background#currentThread()}: the work, then its handler, before {@code run} returns. */
enum CurrentThreadBackground implements Background {
    INSTANCE;

    @Override
    public <T> void run(String what, Callable<T> work, Consumer<T> onSuccess, Consumer<String> onFailure) {
        T value;
        try {
            value = work.call();
        } catch (Exception e) {
            onFailure.accept(UserMessages.couldNot(what, e));
            return;
        }
        onSuccess.accept(value);
    }
}
