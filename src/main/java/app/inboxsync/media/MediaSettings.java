package app.inboxsync.media;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How media is fetched and kept.
 *
 * @param store FILES (a content-addressed folder) or DATABASE (a bytea table, for a shared server)
 * @param folder the folder for FILES (and the temporary downloads of both)
 * @param maxFileBytes a file larger than this is recorded as too large and not downloaded
 * @param quotaBytes total bytes of distinct files kept; at the quota the rest stays pending
 * @param threads downloads in parallel
 * @param maxAttempts transient failures before an item is recorded as failed
 */
public record MediaSettings(boolean enabled, Store store, Path folder, long maxFileBytes, long quotaBytes, int threads,
        int maxAttempts, Duration firstRetry) {

    public enum Store { FILES, DATABASE }

    public static final long MB = 1024L * 1024;
    public static final int DEFAULT_MAX_FILE_MB = 25;
    public static final int DEFAULT_QUOTA_MB = 10_240;

    public MediaSettings {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(firstRetry, "firstRetry");
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("media.max-file-mb must be at least 1 byte, was " + maxFileBytes);
        }
        if (quotaBytes < 1) {
            throw new IllegalArgumentException("media.quota-mb must be at least 1 byte, was " + quotaBytes);
        }
        if (threads < 1 || threads > 32) {
            throw new IllegalArgumentException("media.threads must be 1..32, was " + threads);
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
        }
    }

    /** On, files under {@code home/media}, 25 MB per file, 10 GB in all, 4 downloads at a time. */
    public static MediaSettings defaults(Path home) {
        return new MediaSettings(true, Store.FILES, home.resolve("media"), DEFAULT_MAX_FILE_MB * MB,
                DEFAULT_QUOTA_MB * MB, 4, 5,
                Duration.ofSeconds(2));
    }

    public MediaSettings withLimits(long maxFile, long quota) {
        return new MediaSettings(enabled, store, folder, maxFile, quota, threads, maxAttempts, firstRetry);
    }

    public MediaSettings withFolder(Path f) {
        return new MediaSettings(enabled, store, f, maxFileBytes, quotaBytes, threads, maxAttempts, firstRetry);
    }

    public MediaSettings withStore(Store s) {
        return new MediaSettings(enabled, s, folder, maxFileBytes, quotaBytes, threads, maxAttempts, firstRetry);
    }

    public MediaSettings withFirstRetry(Duration d) {
        return new MediaSettings(enabled, store, folder, maxFileBytes, quotaBytes, threads, maxAttempts, d);
    }
}
