package app.inboxsync.app;

import app.inboxsync.media.MediaFiles;
import app.inboxsync.app.background.Background;
import app.inboxsync.media.FetchTally;
import app.inboxsync.media.MediaSettings;
import app.inboxsync.sync.CancelSignal;
import app.inboxsync.sync.SyncEvent;
import app.inboxsync.sync.SyncListener;
import app.inboxsync.sync.SyncResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The media downloads of a long-running app (the desktop): after each batch a Page's sync wrote, and once more when
 * that sync ends, the Page's pending attachments are fetched as work of the app's {@link Background} (off the FX
 * thread in the window), so the sync never waits for them. One fetch per Page at a time: batches written while one
 * runs are folded into one more, and a fetch takes at most {@value #FILES_PER_RUN} files before the views hear of
 * them (then the next goes on). Cancelling the sync breaks its Page's downloads off. A download that fails never
 * fails the sync: the fetcher records it and retries it with backoff, in this run or the next sync's.
 */
public final class MediaDownloads implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MediaDownloads.class);
    /** Files per fetch: the thread and the Overview show what came in after each (a first sync may bring thousands). */
    static final int FILES_PER_RUN = 64;
    private final MediaService media;
    private final Background background;
    private final Map<String, PageFetches> pages = new ConcurrentHashMap<>();
    private final List<Runnable> filesChanged = new CopyOnWriteArrayList<>();

    /** The files these downloads keep, to read them (one store per window, not one per reader). */
    public MediaFiles keptFiles() {
        return media.files();
    }

    public MediaDownloads(MediaService media, Background background) {
        this.media = media;
        this.background = background;
    }

    /** The listener for one sync of {@code pageId}: fetches after its batches and at its end, until it is cancelled. */
    public SyncListener during(String pageId, CancelSignal cancel) {
        return event -> {
            if (!pageId.equals(event.pageId())) {
                return;
            }
            boolean batchWritten = event instanceof SyncEvent.BatchCompleted;
            // the history phase writes too, and a run that failed half-way wrote its batches
            boolean ended = event instanceof SyncEvent.Completed
                    || event instanceof SyncEvent.Failed f && f.status() != SyncResult.Status.CANCELLED;
            if ((batchWritten || ended) && !cancel.isCancelled()) {
                pages.computeIfAbsent(pageId, PageFetches::new).ask(cancel);
            }
        };
    }

    /** Runs {@code action} where the background's handlers run (the FX thread) after a fetch stored or ended files. */
    public void whenFilesChange(Runnable action) {
        filesChanged.add(action);
    }

    /** Whether the Page's attachments are being fetched (or another fetch is asked for after this one). */
    public boolean busy(String pageId) {
        PageFetches p = pages.get(pageId);
        return p != null && p.busy();
    }

    /** The size cap and the quota of Settings, from the next file on. */
    public void useLimits(MediaSettings limits) {
        media.useLimits(limits);
    }

    /** Breaks off every download under way (their files stay pending) and stops the download threads. */
    @Override
    public void close() {
        media.close();
    }

    /** One Page's fetches: at most one at a time, and one more when batches came in while it ran. */
    private final class PageFetches {
        private final String pageId;
        private boolean running;
        private boolean again;
        private CancelSignal latest;

        PageFetches(String pageId) {
            this.pageId = pageId;
        }

        synchronized void ask(CancelSignal cancel) {
            latest = cancel; // the Page's newest sync: its cancel is the one that counts now
            if (running) {
                again = true;
                return;
            }
            running = true;
            start(cancel);
        }

        synchronized boolean busy() {
            return running;
        }

        private void start(CancelSignal cancel) {
            background.run("download the attachments of Page " + pageId, () -> fetchUnlessClosing(cancel), this::ended,
                    this::broke);
        }

        /** A run, or null when the app interrupted it to close: its files stay pending for the next start. */
        private FetchTally.Snapshot fetchUnlessClosing(CancelSignal cancel) {
            try {
                return media.fetch(pageId, new FetchTally(), cancel, FILES_PER_RUN);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        /** On the background's handler thread: tell the views, then the fetch asked for meanwhile, if any. */
        private void ended(FetchTally.Snapshot done) {
            if (done == null) {
                idle();
                return;
            }
            if (done.done() > 0) {
                filesChanged.forEach(Runnable::run);
            }
            boolean more = done.done() >= FILES_PER_RUN && !done.quotaReached();
            CancelSignal next;
            synchronized (this) {
                if (!(again || more) || latest.isCancelled()) {
                    idle();
                    return;
                }
                again = false;
                next = latest;
            }
            start(next);
        }

        private void broke(String problem) {
            LOG.warn("{} The next sync of the Page tries again.", problem);
            idle();
        }

        private synchronized void idle() {
            running = false;
            again = false;
        }
    }
}
