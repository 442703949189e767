package app.inboxsync.media;

/** Where one attachment's file stands. Only {@link #PENDING} is worked on; the others are final until reset. */
public enum MediaStatus {
    /** Not downloaded yet (new, waiting for a retry, or waiting for room under the quota). */
    PENDING,
    /** The bytes are in the store, checked against their SHA-256. */
    STORED,
    /** Larger than the size cap per file: not downloaded. */
    TOO_LARGE,
    /** The CDN answered 404/410 (or 403) even for a fresh link from Graph: Facebook no longer has it. */
    GONE,
    /** Gave up after repeated transient failures. */
    FAILED;

    public String dbName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static MediaStatus fromDb(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
