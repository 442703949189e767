package app.inboxsync.ui.common;

import app.inboxsync.app.background.Background;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A read the window asks for again and again (after each of 200 Pages' syncs, after each batch's downloads): at
 * most one runs at a time, and every ask that comes while it runs is folded into one more read after it. So the
 * window reads and redraws once for each change it can still show, not once per ask: during a Sync all of 200
 * Pages the sidebar and the Overview were read and rebuilt hundreds of times, most of them already stale.
 * Asked and answered where the background's handlers run (the FX thread in the window).
 */
public final class FoldedRead<T> {
    private final Background background;
    private final String what;
    private final Callable<T> work;
    private final Consumer<T> onSuccess;
    private final Consumer<String> onFailure;
    private boolean running;
    private boolean askedAgain;

    /** The same arguments as {@link Background#run}: the handlers run once per read, not once per ask. */
    public FoldedRead(Background background, String what, Callable<T> work, Consumer<T> onSuccess,
                      Consumer<String> onFailure) {
        this.background = background;
        this.what = what;
        this.work = work;
        this.onSuccess = onSuccess;
        this.onFailure = onFailure;
    }

    /** Reads now, or once more after the read under way (however often this is called meanwhile). */
    public void ask() {
        if (running) {
            askedAgain = true;
            return;
        }
        running = true;
        background.run(what, work, value -> ended(() -> onSuccess.accept(value)),
                message -> ended(() -> onFailure.accept(message)));
    }

    private void ended(Runnable handler) {
        try {
            handler.run();
        } finally {
            running = false;
            if (askedAgain) {
                askedAgain = false;
                ask();
            }
        }
    }
}
