package app.inboxsync.app;

/**
 * How many Pages one process syncs at once by default. Graph, not the CPU, is the limit: each Page is paced to
 * its own rate (2 calls/s by default) and its thread spends nearly all its time waiting for that pace or for
 * Facebook's answer, so cores hardly matter (measured: 32 Pages at once keep well under one core busy). What
 * does bound it is what each Page in flight holds: its answers (capped in size), its batch waiting for the
 * database, and two connections (its lock and its writer). So the default is as many Pages as the heap Java was
 * given holds with room to spare, never more than {@link #MOST}, the bound the CLI and Settings accept; the
 * packaged launcher's 512 MB gives the full 32, a 256 MB heap 16. More Pages than that queue and take their
 * turn; several machines on one database add up (see the README on sharing a server).
 */
public final class Parallelism {
    /** The most Pages at once that the CLI and the desktop's Settings accept. */
    public static final int MOST = 32;
    /** The fewest the default goes down to: a small heap still syncs a few Pages side by side. */
    static final int FEWEST_DEFAULT = 4;
    /**
     * Heap reserved per Page in flight: measured peak growth of about 3 MB per Page (bench {@code all}, 32 Pages of
     * 200 conversations), with the largest answer the cap lets in on top, rounded up.
     */
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
