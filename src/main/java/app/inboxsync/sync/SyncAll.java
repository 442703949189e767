package app.inboxsync.sync;

import app.inboxsync.concurrent.DaemonThreads;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Syncs many Pages in parallel, bounded. Each Page has its own rate limit (the gateway throttles per Page),
 * so parallel Pages do not slow each other down; one Page's failure never stops the others.
 */
public final class SyncAll {
    private final SyncService service;
    private final int parallelism;

    public SyncAll(SyncService service, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        this.service = service;
        this.parallelism = parallelism;
    }

    /** Results in the order of {@code requests}. */
    public List<SyncResult> sync(List<SyncRequest> requests, SyncListener listener, CancelSignal cancel) {
        return sync(requests, null, listener, cancel);
    }

    /**
     * Syncs the requests in the order given, sharing them with other processes when {@code round} is not null
     * (see {@link SharedRound}); results in the order of {@code requests}.
     */
    public List<SyncResult> sync(List<SyncRequest> requests, SharedRound round, SyncListener listener,
                                 CancelSignal cancel) {
        if (requests.isEmpty()) {
            return List.of();
        }
        List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.ThreadFactory daemons = DaemonThreads.numbered("sync-page");
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelism, requests.size()), r -> {
            Thread t = daemons.newThread(r);
            threads.add(t);
            return t;
        });
        // Wake page threads blocked in a Graph wait or call, so a cancel takes effect now, not after the wait;
        // pages not started yet start, see the cancel and return at once.
        AutoCloseable wakeOnCancel = cancel.whenCancelled(() -> threads.forEach(Thread::interrupt));
        try {
            List<Future<SyncResult>> futures = new ArrayList<>();
            for (SyncRequest request : requests) {
                futures.add(pool.submit(() -> service.sync(request, round, listener, cancel)));
            }
            List<SyncResult> results = new ArrayList<>();
            for (Future<SyncResult> f : futures) {
                results.add(await(f));
            }
            return results;
        } finally {
            pool.shutdown();
            try {
                wakeOnCancel.close();
            } catch (Exception impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    private static SyncResult await(Future<SyncResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelSignal.SyncCancelledException();
        } catch (ExecutionException e) {
            // SyncService turns failures into results; anything here is a bug worth seeing in full.
            throw new IllegalStateException("A page sync crashed", e.getCause());
        }
    }
}
