package app.inboxsync.sync;

import org.slf4j.LoggerFactory;

/** Receives sync events. Called from sync threads: implementations must be thread safe and quick. */
@FunctionalInterface
public interface SyncListener {
    SyncListener NONE = event -> { };

    void on(SyncEvent event);

    /**
     * This listener, but one that cannot throw: a broken view (a UI bug, a closed pipe) must not fail a sync
     * or a Graph call whose data is fine. Failures are logged instead.
     */
    default SyncListener shielded() {
        return event -> {
            try {
                on(event);
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(SyncListener.class)
                        .warn("A sync listener failed on {}: {}", event.getClass().getSimpleName(), e.toString());
            }
        };
    }
}
