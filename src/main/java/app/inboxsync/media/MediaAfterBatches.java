package app.inboxsync.media;

import app.inboxsync.concurrent.DaemonThreads;
import app.inboxsync.sync.SyncEvent;
import app.inboxsync.sync.SyncListener;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts fetching a Page's media after each batch the sync wrote, on a thread of its own, so the sync never waits
 * for it. Batches that finish while a fetch runs are folded into one more fetch afterwards.
 */
public final class MediaAfterBatches implements SyncListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MediaAfterBatches.class);

    private final MediaFetcher fetcher;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(DaemonThreads.named("media-after-sync"));
    private final Map<String, AtomicBoolean> again = new ConcurrentHashMap<>();
    private final FetchTally tally = new FetchTally();

    public MediaAfterBatches(MediaFetcher fetcher) {
        this.fetcher = fetcher;
    }

    @Override
    public void on(SyncEvent event) {
        if (event instanceof SyncEvent.BatchCompleted b && !runner.isShutdown()) {
            AtomicBoolean flag = again.computeIfAbsent(b.pageId(), p -> new AtomicBoolean());
            if (!flag.getAndSet(true)) {
                runner.execute(() -> run(b.pageId(), flag));
            }
        }
    }

    private void run(String pageId, AtomicBoolean flag) {
        flag.set(false); // batches written from now on ask for another run
        try {
            fetcher.fetch(pageId, tally);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Fetching the media of Page {} stopped: {}", pageId, e.getMessage());
        }
    }

    /** What the background fetches did so far. */
    public FetchTally.Snapshot tally() {
        return tally.snapshot();
    }

    /** Takes no more batches and waits (up to {@code max}) for the fetches started to end; false if they did not. */
    public boolean finish(java.time.Duration max) throws InterruptedException {
        runner.shutdown();
        return runner.awaitTermination(max.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
