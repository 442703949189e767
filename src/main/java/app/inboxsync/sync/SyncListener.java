package app.inboxsync.sync;

/** Receives sync events. Called from sync threads: implementations must be thread safe and quick. */
@FunctionalInterface
public interface SyncListener {
    SyncListener NONE = event -> { };

    void on(SyncEvent event);
}
