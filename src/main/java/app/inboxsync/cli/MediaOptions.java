package app.inboxsync.cli;

import app.inboxsync.media.MediaSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where media is kept and how much; each also comes from an environment variable. */
final class MediaOptions {
    @Option(names = "--media-store", defaultValue = "${env:INBOXSYNC_MEDIA_STORE:-files}", paramLabel = "files|database",
            description = "Keep files in a folder (files) or inside PostgreSQL (database) (env INBOXSYNC_MEDIA_STORE; default ${DEFAULT-VALUE}).")
    String store;

    @Option(names = "--media-dir", defaultValue = "${env:INBOXSYNC_MEDIA_DIR}", paramLabel = "DIR",
            description = "The media folder (env INBOXSYNC_MEDIA_DIR; default <home>/media).")
    Path dir;

    @Option(names = "--max-file-mb", defaultValue = "${env:INBOXSYNC_MEDIA_MAX_FILE_MB:-25}", paramLabel = "MB",
            description = "Larger files are recorded as too large, not downloaded (env INBOXSYNC_MEDIA_MAX_FILE_MB; default ${DEFAULT-VALUE}).")
    double maxFileMb;

    @Option(names = "--quota-mb", defaultValue = "${env:INBOXSYNC_MEDIA_QUOTA_MB:-10240}", paramLabel = "MB",
            description = "Total size of the files kept; at the quota the rest stays pending (env INBOXSYNC_MEDIA_QUOTA_MB; default ${DEFAULT-VALUE}).")
    double quotaMb;

    @Option(names = "--media-threads", defaultValue = "${env:INBOXSYNC_MEDIA_THREADS:-4}", paramLabel = "N",
            description = "Downloads at a time (env INBOXSYNC_MEDIA_THREADS; default ${DEFAULT-VALUE}).")
    int threads;

    /** The validated settings; a bad value throws IllegalArgumentException with a sentence saying what to fix. */
    MediaSettings settings(Path home) {
        MediaSettings.Store kind = switch (store == null ? "files" : store.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "files" -> MediaSettings.Store.FILES;
            case "database" -> MediaSettings.Store.DATABASE;
            default -> throw new IllegalArgumentException("--media-store (or INBOXSYNC_MEDIA_STORE) is files or database, not "
                    + store + ".");
        };
        if (!(maxFileMb > 0) || !(quotaMb > 0) || Double.isInfinite(maxFileMb) || Double.isInfinite(quotaMb)) {
            throw new IllegalArgumentException("--max-file-mb and --quota-mb take a size in MB above 0 (got "
                    + maxFileMb + " and " + quotaMb + ").");
        }
        if (threads < 1 || threads > 32) {
            throw new IllegalArgumentException("--media-threads takes 1 to 32 downloads at a time (got " + threads + ").");
        }
        MediaSettings d = MediaSettings.defaults(home);
        return new MediaSettings(true, kind, dir == null || dir.toString().isBlank() ? d.folder() : dir,
                (long) (maxFileMb * MediaSettings.MB), (long) (quotaMb * MediaSettings.MB), threads, d.maxAttempts(),
                d.firstRetry());
    }
}
