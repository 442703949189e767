package app.inboxsync.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import app.inboxsync.concurrent.DaemonThreads;
import app.inboxsync.sync.CancelSignal;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads the pending attachment files of a Page (or all) on its own bounded pool, and records each outcome.
 * A link the CDN refuses (expired: 403; or 404/410) is asked of Graph again once; refused again, the file is gone.
 * Transient failures wait with exponential backoff. The quota counts distinct files kept: when the next file would
 * pass it, the run stops and what is left stays pending (with a note saying so) for a run with more room.
 */
public final class MediaFetcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MediaFetcher.class);
    /** Within one run, a retry due sooner than this is waited for; a later one is left to the next run. */
    private static final Duration WAIT_FOR_RETRY = Duration.ofSeconds(30);
    private static final int BATCH = 64;

    private final MediaQueue queue;
    private final MediaFiles files;
    private final CdnDownload cdn;
    private final AttachmentLinks links;
    /** Volatile: the desktop's Settings change the size cap and the quota while it runs (from the next file on). */
    private volatile MediaSettings settings;
    private final Clock clock;
    private final Pause pause;
    private final ExecutorService pool;
    private final ScheduledExecutorService leases = Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("media-leases"));

    /** How the run waits for a retry that is due soon; tests pass one that moves their clock instead. */
    @FunctionalInterface
    interface Pause {
        Pause SLEEP = d -> Thread.sleep(Math.max(10, d.toMillis()));

        void pause(Duration d) throws InterruptedException;
    }

    public MediaFetcher(MediaQueue queue, MediaFiles files, CdnDownload cdn, AttachmentLinks links,
            MediaSettings settings, Clock clock) {
        this(queue, files, cdn, links, settings, clock, Pause.SLEEP);
    }

    MediaFetcher(MediaQueue queue, MediaFiles files, CdnDownload cdn, AttachmentLinks links, MediaSettings settings,
            Clock clock, Pause pause) {
        this.queue = Objects.requireNonNull(queue, "queue");
        this.files = Objects.requireNonNull(files, "files");
        this.cdn = Objects.requireNonNull(cdn, "cdn");
        this.links = Objects.requireNonNull(links, "links");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.pause = Objects.requireNonNull(pause, "pause");
        this.pool = Executors.newFixedThreadPool(settings.threads(), DaemonThreads.numbered("media-download"));
    }

    /** Lists new attachments, then downloads every due one; returns when none is left that can be done now. */
    public FetchTally.Snapshot fetch(String pageId, FetchTally tally) throws InterruptedException {
        return fetch(pageId, tally, new CancelSignal());
    }

    /**
     * As {@link #fetch(String, FetchTally)}, until {@code cancel} is asked: then the downloads under way break off
     * (their threads are interrupted), nothing new starts, and the run returns what it did. A file it broke off
     * stays pending with no attempt counted, for the next run.
     */
    public FetchTally.Snapshot fetch(String pageId, FetchTally tally, CancelSignal cancel) throws InterruptedException {
        return fetch(pageId, tally, cancel, Integer.MAX_VALUE);
    }

    /**
     * As {@link #fetch(String, FetchTally, CancelSignal)}, ending once about {@code atMost} files were taken on, so a
     * caller that shows the files can do so between runs; when {@link FetchTally.Snapshot#done()} reaches
     * {@code atMost}, more may be due.
     */
    public FetchTally.Snapshot fetch(String pageId, FetchTally tally, CancelSignal cancel, int atMost)
            throws InterruptedException {
        // interrupting the caller while it waits in invokeAll cancels (and interrupts) the downloads under way
        CallerInterrupt stop = new CallerInterrupt(Thread.currentThread());
        AutoCloseable hook = cancel.whenCancelled(stop::interrupt);
        try {
            return fetchUntil(pageId, tally, cancel, atMost);
        } catch (InterruptedException | RuntimeException e) {
            if (!stop.done()) {
                throw e; // not our interrupt: the caller's own, or a real failure
            }
            return tally.snapshot();
        } finally {
            stop.done();
            try {
                hook.close();
            } catch (Exception e) {
                LOG.debug("could not forget the cancel hook: {}", e.toString());
            }
        }
    }

    private FetchTally.Snapshot fetchUntil(String pageId, FetchTally tally, CancelSignal cancel, int atMost)
            throws InterruptedException {
        queue.enqueue(pageId);
        queue.summary(pageId).forEach(s -> tally.planned.addAndGet(s.count(MediaStatus.PENDING)));
        AtomicLong used = new AtomicLong(queue.storedBytes());
        int taken = 0;
        while (!tally.quotaReached.get() && !cancel.isCancelled() && taken < atMost) {
            Instant claimed = clock.instant();
            List<MediaItem> due = queue.due(pageId, claimed, Math.min(BATCH, atMost - taken));
            taken += due.size();
            if (due.isEmpty()) {
                Instant next = queue.nextAttempt(pageId);
                Duration wait = next == null ? null : Duration.between(clock.instant(), next);
                if (wait == null || wait.compareTo(WAIT_FOR_RETRY) > 0) {
                    break;
                }
                pause.pause(wait);
                continue;
            }
            List<Callable<Void>> work = new ArrayList<>();
            Set<MediaItem> finished = ConcurrentHashMap.newKeySet();
            for (MediaItem item : due) {
                work.add(() -> {
                    try {
                        fetchOne(item, used, tally, cancel);
                    } finally {
                        finished.add(item);
                    }
                    return null;
                });
            }
            ScheduledFuture<?> renewing = keepLeases(due, MediaQueue.leaseEnd(claimed));
            try {
                for (Future<Void> f : pool.invokeAll(work)) {
                    try {
                        f.get();
                    } catch (ExecutionException e) {
                        LOG.warn("A media download failed unexpectedly: {}", e.getCause().toString());
                    }
                }
            } catch (InterruptedException e) {
                // stopped (a cancel): what never started is pending again now, not held until its lease ends
                due.stream().filter(i -> !finished.contains(i)).forEach(this::putBack);
                throw e;
            } finally {
                renewing.cancel(false);
            }
        }
        return tally.snapshot();
    }

    /** While the batch runs, its leases are renewed well before they end; a killed process stops renewing them. */
    private ScheduledFuture<?> keepLeases(List<MediaItem> batch, Instant held) {
        AtomicReference<Instant> until = new AtomicReference<>(held);
        long every = MediaQueue.LEASE.toMillis() / 4;
        return leases.scheduleAtFixedRate(() -> {
            Instant next = MediaQueue.leaseEnd(clock.instant());
            try {
                queue.renew(batch, until.get(), next);
                until.set(next);
            } catch (RuntimeException e) { // the next renewal tries again; a lapsed lease costs a second download
                LOG.debug("could not renew the download leases: {}", e.toString());
            }
        }, every, every, TimeUnit.MILLISECONDS);
    }

    private void fetchOne(MediaItem item, AtomicLong used, FetchTally tally, CancelSignal cancel) {
        MediaSettings settings = this.settings; // one file, one set of limits
        if (cancel.isCancelled()) {
            putBack(item);
            return;
        }
        if (item.declaredSize() > settings.maxFileBytes()) {
            queue.ended(item, MediaStatus.TOO_LARGE, "Facebook says it is " + Sizes.of(item.declaredSize())
                    + ", over the size cap of " + Sizes.of(settings.maxFileBytes()) + " per file");
            tally.tooLarge.incrementAndGet();
            return;
        }
        if (tally.quotaReached.get() || used.get() + Math.max(0, item.declaredSize()) > settings.quotaBytes()) {
            quotaFull(item, tally);
            return;
        }
        MediaItem current = item;
        boolean refreshed = false;
        while (true) {
            Path temp = files.temporaryFolder().resolve(UUID.randomUUID() + ".part");
            try {
                CdnDownload.Result result = current.url() == null
                        ? new CdnDownload.Result.Refused(404, "no link")
                        : cdn.download(current.url(), settings.maxFileBytes(), temp);
                if (result instanceof CdnDownload.Result.Fetched f) {
                    keep(current, f, temp, used, tally);
                    return;
                }
                if (result instanceof CdnDownload.Result.TooLarge t) {
                    queue.ended(current, MediaStatus.TOO_LARGE, "The file is " + (t.size() < 0 ? "larger" : Sizes.of(t.size()))
                            + " than the size cap of " + Sizes.of(settings.maxFileBytes()) + " per file");
                    tally.tooLarge.incrementAndGet();
                    return;
                }
                if (result instanceof CdnDownload.Result.Broken b) {
                    if (cancel.isCancelled()) { // broken off by the cancel, not by the CDN
                        putBack(current);
                        return;
                    }
                    retry(current, b.why(), tally);
                    return;
                }
                CdnDownload.Result.Refused r = (CdnDownload.Result.Refused) result;
                if (refreshed) {
                    queue.ended(current, MediaStatus.GONE, "The CDN answered " + r.status() + " (" + r.text()
                            + ") even for a fresh link from Facebook");
                    tally.gone.incrementAndGet();
                    return;
                }
                String fresh;
                try {
                    fresh = links.fresh(current.pageId(), current.messageId(), current.index());
                } catch (RuntimeException e) {
                    retry(current, "The link expired (" + r.status() + ") and Facebook could not give a new one: "
                            + e.getMessage(), tally);
                    return;
                }
                if (fresh == null) {
                    queue.ended(current, MediaStatus.GONE, "The CDN answered " + r.status() + " (" + r.text()
                            + ") and Facebook no longer lists this attachment");
                    tally.gone.incrementAndGet();
                    return;
                }
                current = current.withUrl(fresh);
                queue.relinked(current, fresh);
                tally.refreshed.incrementAndGet();
                refreshed = true;
            } catch (IOException e) {
                if (cancel.isCancelled()) {
                    putBack(current);
                    return;
                }
                retry(current, "Could not keep the file: " + e.getMessage(), tally);
                return;
            } finally {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException e) {
                    LOG.debug("could not remove a temporary download {}: {}", temp, e.toString());
                }
            }
        }
    }

    private void keep(MediaItem item, CdnDownload.Result.Fetched f, Path temp, AtomicLong used, FetchTally tally)
            throws IOException {
        synchronized (used) { // the quota check and the keep go together, or two threads overrun it
            if (files.has(f.sha256())) {
                queue.stored(item, f.sha256(), f.size());
                tally.alreadyStored.incrementAndGet();
                return;
            }
            if (used.get() + f.size() > settings.quotaBytes()) {
                quotaFull(item, tally);
                return;
            }
            files.keep(temp, f.sha256(), f.size());
            used.addAndGet(f.size());
        }
        queue.stored(item, f.sha256(), f.size());
        tally.stored.incrementAndGet();
        tally.bytes.addAndGet(f.size());
    }

    /**
     * A file a cancel (or an interrupt) stopped: pending again at once, no attempt counted. The thread's interrupt is set aside for
     * the write (the pool's connection hand-out would refuse an interrupted thread) and put back after it.
     */
    private void putBack(MediaItem item) {
        boolean interrupted = Thread.interrupted();
        try {
            queue.later(item, "Stopped before it finished; the next sync or media fetch downloads it", clock.instant(),
                    false);
        } catch (RuntimeException e) { // its lease ends in 20 s; the next run takes it then
            LOG.debug("could not put back a download the cancel stopped: {}", e.toString());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** New limits from the next file on (the desktop's Settings): {@code limits}' size cap and quota. */
    public void useLimits(MediaSettings limits) {
        settings = settings.withLimits(limits.maxFileBytes(), limits.quotaBytes());
    }

    private void quotaFull(MediaItem item, FetchTally tally) {
        tally.quotaReached.set(true);
        queue.later(item, "Waiting: the media quota of " + Sizes.of(settings.quotaBytes())
                + " is full. Raise media.quota-mb or free space, then run media fetch again.", clock.instant(), false);
    }

    private void retry(MediaItem item, String why, FetchTally tally) {
        int attempts = item.attempts() + 1;
        if (attempts >= settings.maxAttempts()) {
            queue.ended(item, MediaStatus.FAILED, why + " (gave up after " + attempts + " attempts)");
            tally.failed.incrementAndGet();
            return;
        }
        Duration backoff = settings.firstRetry().multipliedBy(1L << Math.min(16, attempts - 1));
        queue.later(item, why, clock.instant().plus(backoff), true);
        tally.retryLater.incrementAndGet();
    }

    @Override
    public void close() {
        leases.shutdownNow();
        pool.shutdownNow();
    }
}
