package app.inboxsync.app;

/**
 * How many Pages one process syncs at once by default. Graph, not the CPU, is the limit: each Page is paced to
 * its own rate (2 calls/s by default) and its thread spends nearly all its time waiting for that pace or for
 * Facebook's answer. Measured (sync --all of 200 Pages × 200 conversations, 804,886 messages, 32 at once, against
 * the simulator at 2 calls/s on a shared 2-core machine): 31.6 s of CPU in 138.6 s, a fifth of one core, so cores
 * do not bound it. What does is what each Page in flight holds: its answers, its batch waiting for the database,
 * and two connections (its lock and its writer). In that run the heap in use peaked at 253 MB (garbage awaiting
 * a marking cycle included; about 100 MB live after one) under -Xmx512m, about 7 MB a Page at the peak. So the
 * default is as many Pages as the heap Java was given holds at {@link #BYTES_PER_PAGE} each above
 * {@link #BYTES_BASE}, never more than {@link #MOST}: the packaged launcher's 512 MB gives 32, -Xmx256m 16.
 * More Pages than that take turns; several machines on one database add up (see the README on sharing a server).
 * What the Pages in flight hold of Graph's answers is bounded apart from this count, across all of them, by one
 * {@link app.inboxsync.sync.BatchBudget} (a quarter of the heap): with it, 200 Pages × 200 conversations (1,032,798
 * messages), 32 at once under -Xmx512m, took 132.0 s and peaked at 376 MB in use, the budget at 124.8 of 128 MB.
 */
public final class Parallelism {
    /** The most Pages at once that the CLI and the desktop's Settings accept. */
    public static final int MOST = 32;
    /** The fewest the default goes down to: a small heap still syncs a few Pages side by side. */
    static final int FEWEST_DEFAULT = 4;
    /** Heap per Page in flight: the measured peak of about 7 MB, with room for larger answers than the bench's. */
    static final long BYTES_PER_PAGE = 12L << 20;
    /** Heap for everything else (the window, the pools, the Graph client, a browse query's page of rows). */
    static final long BYTES_BASE = 64L << 20;

    private Parallelism() {
    }

    /** The default for a JVM with {@code maxHeapBytes} of heap. */
    public static int defaultFor(long maxHeapBytes) {
        long fits = (maxHeapBytes - BYTES_BASE) / BYTES_PER_PAGE;
        return (int) Math.max(FEWEST_DEFAULT, Math.min(MOST, fits));
    }

    /** The default for this JVM. */
    public static int ofThisMachine() {
        return defaultFor(Runtime.getRuntime().maxMemory());
    }
}
