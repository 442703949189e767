package app.inboxsync.sync;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Running totals of one pass. The fetching thread and the writing thread both update it, so everything is
 * atomic; readers (progress events) see a consistent-enough snapshot.
 */
final class PassTally {
    private final AtomicReference<BatchWrite> counts = new AtomicReference<>(BatchWrite.NONE);
    private final AtomicInteger apiCalls = new AtomicInteger();
    private final AtomicInteger conversationsSeen = new AtomicInteger();
    private final AtomicInteger batches = new AtomicInteger();
    private final AtomicReference<Instant> newestUpdate = new AtomicReference<>();

    void addCalls(int calls) {
        apiCalls.addAndGet(calls);
    }

    void sawUpdate(Instant updatedTime) {
        newestUpdate.accumulateAndGet(updatedTime, (a, b) -> a == null || b.isAfter(a) ? b : a);
    }

    /** Records a written batch and returns its number (1-based). */
    int addBatch(BatchWrite write, int conversations) {
        counts.accumulateAndGet(write, BatchWrite::plus);
        conversationsSeen.addAndGet(conversations);
        return batches.incrementAndGet();
    }

    /** Records messages written by the history phase (no conversations, no listing batch). */
    void addMessages(BatchWrite write) {
        counts.accumulateAndGet(write, BatchWrite::plus);
    }

    BatchWrite counts() {
        return counts.get();
    }

    int apiCalls() {
        return apiCalls.get();
    }

    int conversationsSeen() {
        return conversationsSeen.get();
    }

    /** Newest updated_time among the conversations read in this pass; null if none. */
    Instant newestUpdate() {
        return newestUpdate.get();
    }
}
