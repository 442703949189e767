package app.inboxsync.sync;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bytes of Graph answers that all Pages syncing in this process may hold at once, from the moment a Page asks
 * Graph until the answer's batch is written. Each Page holds a batch being written and the next one fetched (more
 * in the history phase while the database is slow); with 32 Pages at once that adds up, so every pass takes a
 * {@link Hold} before each Graph call, on what it expects the answer to take (its previous answer's size, or a
 * generous first guess: {@link BatchBytes}), sets it to what the parsed answer takes once it is in, and gives it
 * back when the batch is written. When the budget is spent, Pages wait before asking Graph, first come first
 * served, so Pages of large answers are not starved by Pages of small ones; a wait ends on an interrupt (how a
 * cancel reaches a Page's thread).
 *
 * <p>Two ways past it, both so nothing deadlocks: an answer larger than expected is held at its size without
 * waiting (then the next Pages wait until the budget is back under), and one larger than the whole budget counts
 * as the whole budget, so it waits until nothing else is held and then goes alone.
 *
 * <p>It counts the parsed batches, not the heap: the JSON an answer came from, the database's statements and
 * garbage come on top, which is why only a {@linkplain #HEAP_SHARE share} of the heap is given to it.
 */
public final class BatchBudget {
    /** The share of the maximum heap the batches may hold: a quarter, the rest for their JSON, writes and garbage. */
    public static final int HEAP_SHARE = 4;
    /** The least a budget is: a few of the largest batches a Graph answer gives. */
    public static final long FEWEST_BYTES = 8L << 20;

    private final long capacity;
    private final ReentrantLock lock = new ReentrantLock();
    /** Passes waiting, in the order they asked; only the first may take what is free. */
    private final Deque<Condition> waiting = new ArrayDeque<>();
    private long held;
    private long peak;
    private long waits;

    public BatchBudget(long capacityBytes) {
        if (capacityBytes < 1) {
            throw new IllegalArgumentException("a batch budget needs at least one byte, got " + capacityBytes);
        }
        this.capacity = capacityBytes;
    }

    /** A quarter of {@code maxHeapBytes} ({@link Runtime#maxMemory()}), never under {@link #FEWEST_BYTES}. */
    public static BatchBudget forHeap(long maxHeapBytes) {
        return new BatchBudget(Math.max(FEWEST_BYTES, maxHeapBytes / HEAP_SHARE));
    }

    /** The budget for this JVM's heap. */
    public static BatchBudget ofThisHeap() {
        return forHeap(Runtime.getRuntime().maxMemory());
    }

    /** The setting that overrides the heap's share, in MB; read by the wiring (the engine reads no environment). */
    public static final String SETTING = "INBOXSYNC_BATCH_BUDGET_MB";

    /**
     * {@code megabytes} as given in {@link #SETTING} (a whole number, 1 up to the heap), or the heap's share when
     * it is unset or blank.
     *
     * @throws IllegalArgumentException with a sentence that says what to set, for anything else
     */
    public static BatchBudget fromSetting(String megabytes, long maxHeapBytes) {
        if (megabytes == null || megabytes.isBlank()) {
            return forHeap(maxHeapBytes);
        }
        long most = Math.max(1, maxHeapBytes >> 20);
        try {
            long mb = Long.parseLong(megabytes.strip());
            if (mb >= 1 && mb <= most) {
                return new BatchBudget(mb << 20);
            }
        } catch (NumberFormatException e) {
            // falls through to the sentence below
        }
        throw new IllegalArgumentException(SETTING + " must be a whole number of megabytes from 1 to " + most
                + " (Java's heap here; unset: a quarter of it, " + (forHeap(maxHeapBytes).capacityBytes() >> 20)
                + "); got '" + megabytes + "'");
    }

    public long capacityBytes() {
        return capacity;
    }

    /**
     * Waits until {@code bytes} fit beside what is held and every pass that asked earlier has had its turn, then
     * holds them.
     *
     * @throws CancelSignal.SyncCancelledException when the thread is interrupted while waiting (nothing is held)
     */
    public Hold acquire(long bytes) {
        long counted = counted(bytes);
        lock.lock();
        try {
            if (waiting.isEmpty() && fits(counted)) {
                return take(counted);
            }
            Condition turn = lock.newCondition();
            waiting.addLast(turn);
            waits++;
            try {
                while (waiting.peekFirst() != turn || !fits(counted)) {
                    turn.await();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelSignal.SyncCancelledException();
            } finally {
                waiting.remove(turn);
                wakeFirst(); // the next in line may fit now, or after this one gave up its place
            }
            return take(counted);
        } finally {
            lock.unlock();
        }
    }

    /** Holds {@code bytes} if they fit now and nobody waits before; else holds nothing and says so (null). */
    public Hold tryAcquire(long bytes) {
        long counted = counted(bytes);
        lock.lock();
        try {
            return waiting.isEmpty() && fits(counted) ? take(counted) : null;
        } finally {
            lock.unlock();
        }
    }

    /** Bytes held now. */
    public long heldBytes() {
        return read(() -> held);
    }

    /** The most bytes held at once so far. */
    public long peakBytes() {
        return read(() -> peak);
    }

    /** How often a pass had to wait for its turn so far. */
    public long waits() {
        return read(() -> waits);
    }

    private long read(java.util.function.LongSupplier figure) {
        lock.lock();
        try {
            return figure.getAsLong();
        } finally {
            lock.unlock();
        }
    }

    private long counted(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("a batch cannot hold " + bytes + " bytes");
        }
        return Math.min(bytes, capacity);
    }

    private boolean fits(long bytes) {
        return held + bytes <= capacity;
    }

    private Hold take(long bytes) {
        held += bytes;
        peak = Math.max(peak, held);
        return new Hold(this, bytes);
    }

    private void resize(Hold hold, long bytes) {
        long counted = counted(bytes);
        lock.lock();
        try {
            if (hold.released) {
                return;
            }
            held += counted - hold.bytes;
            peak = Math.max(peak, held);
            boolean smaller = counted < hold.bytes;
            hold.bytes = counted;
            if (smaller) {
                wakeFirst();
            }
        } finally {
            lock.unlock();
        }
    }

    private void release(Hold hold) {
        lock.lock();
        try {
            if (hold.released) {
                return;
            }
            hold.released = true;
            held -= hold.bytes;
            wakeFirst();
        } finally {
            lock.unlock();
        }
    }

    private void wakeFirst() {
        Condition first = waiting.peekFirst();
        if (first != null) {
            first.signal();
        }
    }

    /**
     * Bytes held for one batch: first what its answer is expected to take, then, once it has come, what it takes
     * ({@link #resize}); closing gives them back (once, however often it is closed).
     */
    public static final class Hold implements AutoCloseable {
        /** Holds nothing (a batch written outside any budget, e.g. in tests of the writer alone). */
        public static final Hold NONE = new Hold(null, 0);

        private final BatchBudget budget;
        /** Guarded by the budget's lock, as is {@link #released}. */
        private long bytes;
        private boolean released;

        private Hold(BatchBudget budget, long bytes) {
            this.budget = budget;
            this.bytes = bytes;
        }

        public long bytes() {
            if (budget == null) {
                return 0;
            }
            return budget.read(() -> bytes);
        }

        /**
         * Holds {@code actualBytes} instead, at once: less gives the rest back; more is taken without waiting, even
         * past the budget, because the answer is in memory already and waiting here could wait forever for
         * budget that Pages waiting the same way hold. The next Pages to ask then wait until it is back under.
         */
        public void resize(long actualBytes) {
            if (budget != null) {
                budget.resize(this, actualBytes);
            }
        }

        @Override
        public void close() {
            if (budget != null) {
                budget.release(this);
            }
        }
    }
}
