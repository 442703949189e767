package app.inboxsync.sync;

import java.time.Duration;

/**
 * Told by the gateway when it holds a call back (rate limit, backoff), so people see why a sync pauses, and
 * when Facebook stops serving something the copy goes on without (a field a newer Graph version dropped).
 */
@FunctionalInterface
public interface GraphObserver {
    GraphObserver NONE = (pageId, wait, reason) -> { };

    /** @param pageId the Page whose call waits, or null for calls made without a Page (token checks) */
    void waiting(String pageId, Duration wait, String reason);

    /**
     * Something people should know that does not stop the sync, said once (e.g. "Facebook v25.0 no longer gives
     * unread counts: …").
     *
     * @param pageId the Page whose call found it, or null for calls made without a Page
     */
    default void noticed(String pageId, String message) {
    }
}
