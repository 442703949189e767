package app.inboxsync.media;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;

/** The port to where attachment files are listed and their status kept ({@code message_media}). */
public interface MediaQueue {

    /** Lists (as pending) the attachments of this Page's stored messages not listed yet; returns how many. */
    int enqueue(String pageId);

    /**
     * How long a claimed item is held: not handed out again, so two fetchers (the desktop's and a CLI run) never
     * download the same file at once. The fetcher renews its leases while it works; a killed process stops
     * renewing, so the next run gets its items after at most this long.
     */
    Duration LEASE = Duration.ofSeconds(20);

    /** When a lease taken or renewed at {@code now} ends (to the millisecond, so it can be compared exactly). */
    static Instant leaseEnd(Instant now) {
        return now.plus(LEASE).truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Pending items whose next attempt is due, oldest message first, claimed until {@link #leaseEnd}(now);
     * {@code pageId} null means every Page.
     */
    List<MediaItem> due(String pageId, Instant now, int limit);

    /** Extends to {@code until} the leases of these items still pending and still held until {@code held}. */
    void renew(Collection<MediaItem> items, Instant held, Instant until);

    /** When the earliest pending item not yet due may be tried again, or null when none waits. */
    Instant nextAttempt(String pageId);

    void stored(MediaItem item, String sha256, long size);

    /** A final status other than stored, with the CDN's or Facebook's words. */
    void ended(MediaItem item, MediaStatus status, String error);

    /** Still pending: a transient failure (attempts + 1) or waiting for the quota; tried again from {@code next}. */
    void later(MediaItem item, String error, Instant next, boolean countAttempt);

    /** Graph gave a fresh link for an expired one. */
    void relinked(MediaItem item, String url);

    /** Bytes of distinct files stored (what the quota counts). */
    long storedBytes();

    /** What the store knows of these messages' attachments, in message and attachment order. */
    List<KeptAttachment> attachmentsOf(Collection<String> messageIds);

    /** Per Page; {@code pageId} null means every Page that has attachments. */
    List<MediaSummary> summary(String pageId);
}
