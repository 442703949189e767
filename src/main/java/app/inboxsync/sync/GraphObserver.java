package app.inboxsync.sync;

import java.time.Duration;

/** Told by the gateway when it holds a call back (rate limit, backoff), so people see why a sync pauses. */
@FunctionalInterface
public interface GraphObserver {
    GraphObserver NONE = (pageId, wait, reason) -> { };

    /** @param pageId the Page whose call waits, or null for calls made without a Page (token checks) */
    void waiting(String pageId, Duration wait, String reason);
}
