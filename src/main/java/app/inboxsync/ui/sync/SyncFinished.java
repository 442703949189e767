package app.inboxsync.ui.sync;

import app.inboxsync.sync.SyncResult;
import java.util.function.Consumer;

/** Where a tab hears that a Page's sync started from the window has ended (on the FX thread). */
@FunctionalInterface
public interface SyncFinished {
    void whenSyncFinished(Consumer<SyncResult> listener);
}
