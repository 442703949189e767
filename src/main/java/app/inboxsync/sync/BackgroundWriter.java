package app.inboxsync.sync;

import app.inboxsync.concurrent.DaemonThreads;
import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Message;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Writes batches on its own thread so the next Graph page is fetched while the previous one is written.
 * At most one write is in flight: memory stays bounded and a failed write stops the pass at the next submit.
 */
final class BackgroundWriter implements AutoCloseable {
    private final InboxStore store;
    private final String pageId;
    private final ExecutorService thread;
    private CompletableFuture<Void> inFlight = CompletableFuture.completedFuture(null);

    BackgroundWriter(InboxStore store, String pageId) {
        this.store = store;
        this.pageId = pageId;
        this.thread = Executors.newSingleThreadExecutor(DaemonThreads.named("sync-writer-" + pageId));
    }

    /** Waits for the previous write, then starts this one; {@code done} runs on the writer thread after it. */
    void submit(List<Conversation> conversations, List<Message> messages, Consumer<BatchWrite> done) {
        submit(conversations, messages, List.of(), done);
    }

    /** The same, with history states written in the same transaction. */
    void submit(List<Conversation> conversations, List<Message> messages, List<HistoryMark> history,
                Consumer<BatchWrite> done) {
        submit(conversations, messages, history, List.of(), done);
    }

    /**
     * The same, giving the batch's {@code holds} on the {@link BatchBudget} back once it is written, or failed, or
     * never started because an earlier write failed: a batch's bytes are never held past its write.
     */
    void submit(List<Conversation> conversations, List<Message> messages, List<HistoryMark> history,
                List<BatchBudget.Hold> holds, Consumer<BatchWrite> done) {
        try {
            awaitWrites();
            inFlight = CompletableFuture.runAsync(
                    () -> done.accept(store.writeBatch(pageId, conversations, messages, history)), thread);
        } catch (RuntimeException notStarted) {
            holds.forEach(BatchBudget.Hold::close);
            throw notStarted;
        }
        if (!holds.isEmpty()) {
            // Released before the next write may start (awaitWrites waits for this stage), so the budget is free
            // again by the time anyone sees the write as done.
            inFlight = inFlight.whenComplete((ok, failed) -> holds.forEach(BatchBudget.Hold::close));
        }
    }

    /** No write in flight: a submit now starts at once. */
    boolean idle() {
        return inFlight.isDone();
    }

    /** Blocks until every submitted write is in the database; rethrows a write's failure. */
    void awaitWrites() {
        try {
            inFlight.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancelSignal.SyncCancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Lets a write in flight finish (it is one whole transaction), then stops the thread. */
    @Override
    public void close() {
        try {
            inFlight.join();
        } catch (RuntimeException ignored) {
            // the pass is ending anyway; the failure was or will be reported by awaitWrites
        }
        thread.shutdown();
    }
}
