package app.inboxsync.app;

import app.inboxsync.concurrent.DaemonThreads;
import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Secret;
import app.inboxsync.sync.CancelSignal;
import app.inboxsync.sync.PageAccess;
import app.inboxsync.sync.SyncEvent;
import app.inboxsync.sync.SyncListener;
import app.inboxsync.sync.SyncRequest;
import app.inboxsync.sync.SyncResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Starts syncs for a long-running app (the desktop, auto-sync) so that a Page never syncs twice at once from
 * here: a request for a Page that is already queued or syncing is skipped. Each Page runs on its own with its own
 * cancel signal, at most {@code parallelism} at once; the rest wait their turn in order. With media downloads, each
 * sync's batches are followed by its Page's attachment downloads, which its cancel breaks off too.
 */
public final class SyncCoordinator implements AutoCloseable {
    private final AppContext app;
    private final SyncListener listener;
    private final MediaDownloads media;
    private final ThreadPoolExecutor workers;
    private final Map<String, CancelSignal> active = new ConcurrentHashMap<>();
    private volatile List<Folder> folders;

    /** Syncs that download no media (the CLI fetches through its own options). */
    public SyncCoordinator(AppContext app, SyncListener listener, int parallelism) {
        this(app, listener, parallelism, null);
    }

    /** @param media what downloads a Page's attachments after its sync's batches, or null for none */
    public SyncCoordinator(AppContext app, SyncListener listener, int parallelism, MediaDownloads media) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        this.app = app;
        this.listener = listener.shielded();
        this.media = media;
        this.workers = new ThreadPoolExecutor(parallelism, parallelism, 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), namedDaemons());
    }

    /** Changes how many Pages sync at once; running syncs finish, queued ones start under the new limit. */
    public synchronized void setParallelism(int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
        }
        // core ≤ max at every step
        if (parallelism > workers.getMaximumPoolSize()) {
            workers.setMaximumPoolSize(parallelism);
            workers.setCorePoolSize(parallelism);
        } else {
            workers.setCorePoolSize(parallelism);
            workers.setMaximumPoolSize(parallelism);
        }
    }

    /** The folders the next syncs walk; null for each Page's own list. */
    public void useFolders(List<Folder> chosen) {
        this.folders = chosen == null ? null : List.copyOf(chosen);
    }

    /**
     * Queues a sync of every Page in {@code pageIds} that is not already queued or syncing.
     *
     * @param forceFull walk everything (after "Reset &amp; full sync")
     * @param whenDone  called once per started Page with its result, on a sync thread
     * @return the Pages that were queued (the others were already syncing)
     */
    public List<String> start(Collection<String> pageIds, boolean forceFull, Consumer<SyncResult> whenDone) {
        List<String> started = new ArrayList<>();
        for (String pageId : pageIds) {
            CancelSignal cancel = new CancelSignal();
            if (active.putIfAbsent(pageId, cancel) != null) {
                continue;
            }
            started.add(pageId);
            workers.execute(() -> {
                try {
                    whenDone.accept(syncOne(pageId, forceFull, cancel));
                } finally {
                    active.remove(pageId, cancel);
                }
            });
        }
        return started;
    }

    private SyncResult syncOne(String pageId, boolean forceFull, CancelSignal cancel) {
        if (cancel.isCancelled()) {
            return failed(pageId, SyncResult.Status.CANCELLED, "Cancelled before it started.");
        }
        Optional<Secret> token = app.vault().token(pageId);
        if (token.isEmpty()) {
            return failed(pageId, SyncResult.Status.FAILED,
                    "No access token is stored for this Page. Reconnect it with a Page access token.");
        }
        try {
            List<SyncResult> results = app.sync(List.of(new SyncRequest(new PageAccess(pageId, token.get()), folders, forceFull)),
                    withMedia(pageId, cancel), 1, cancel);
            return results.get(0);
        } catch (RuntimeException e) {
            // SyncAll reports per-Page failures as results; anything here is a bug or a lost database, and
            // must still end this Page's "syncing" state in the UI with a sentence, not a stack trace.
            return failed(pageId, SyncResult.Status.FAILED, "The sync stopped unexpectedly: " + e.getMessage());
        }
    }

    private SyncListener withMedia(String pageId, CancelSignal cancel) {
        if (media == null) {
            return listener;
        }
        SyncListener downloads = media.during(pageId, cancel).shielded(); // a media fault never fails the sync
        return event -> {
            listener.on(event);
            downloads.on(event);
        };
    }

    private SyncResult failed(String pageId, SyncResult.Status status, String message) {
        listener.on(new SyncEvent.Failed(pageId, status, message));
        return SyncResult.refused(pageId, status, message);
    }

    /** Whether the Page is queued or syncing. */
    public boolean busy(String pageId) {
        return active.containsKey(pageId);
    }

    public boolean anyBusy() {
        return !active.isEmpty();
    }

    /** Stops the Page's sync at its next safe point (or before it starts, when queued). */
    public void cancel(String pageId) {
        CancelSignal signal = active.get(pageId);
        if (signal != null) {
            signal.cancel();
        }
    }

    public void cancelAll() {
        active.values().forEach(CancelSignal::cancel);
    }

    @Override
    public void close() {
        cancelAll();
        workers.shutdown();
        try {
            workers.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ThreadFactory namedDaemons() {
        return DaemonThreads.numbered("page-sync");
    }
}
