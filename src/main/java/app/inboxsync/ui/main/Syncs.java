package app.inboxsync.ui.main;

import app.inboxsync.app.SyncCoordinator;
import app.inboxsync.sync.SyncResult;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/** The syncs the main window starts and cancels: the {@link SyncCoordinator} in the app, a fake in tests. */
public interface Syncs {
    boolean busy(String pageId);

    /** {@code whenDone} runs once per started Page, on the window's thread. */
    void start(List<String> pageIds, boolean forceFull, Consumer<SyncResult> whenDone);

    void cancel(String pageId);

    /** @param uiThread where a sync's end (reported on a sync thread) is handed over to: the FX thread */
    static Syncs of(SyncCoordinator coordinator, Executor uiThread) {
        return new Syncs() {
            @Override
            public boolean busy(String pageId) {
                return coordinator.busy(pageId);
            }

            @Override
            public void start(List<String> pageIds, boolean forceFull, Consumer<SyncResult> whenDone) {
                coordinator.start(pageIds, forceFull, result -> uiThread.execute(() -> whenDone.accept(result)));
            }

            @Override
            public void cancel(String pageId) {
                coordinator.cancel(pageId);
            }
        };
    }
}
