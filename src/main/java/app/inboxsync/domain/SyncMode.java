package app.inboxsync.domain;

import java.util.Locale;

public enum SyncMode {
    /** Walks every folder to its end and fetches every message. */
    FULL,
    /** Walks newest-first and stops at the watermark (minus the overlap). */
    INCREMENTAL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
