package app.inboxsync.simulator;

/**
 * One token bucket per Page (rate R calls/s, capacity max(1, R)), like Graph's per-Page limit on the
 * Conversations API. Usage is reported in percent of the bucket, the way Graph's usage headers do.
 */
final class PageRateLimits {

    private final double[] tokens;
    private final long[] refilledAt;
    private double rate;

    PageRateLimits(int pages, double rate) {
        tokens = new double[pages];
        refilledAt = new long[pages];
        setRate(rate);
    }

    synchronized void setRate(double callsPerSecond) {
        if (!(callsPerSecond >= 0)) {
            throw new IllegalArgumentException("rate must be >= 0 (0 = no limit), was " + callsPerSecond);
        }
        rate = callsPerSecond;
        long now = System.nanoTime();
        for (int p = 0; p < tokens.length; p++) {
            tokens[p] = capacity();
            refilledAt[p] = now;
        }
    }

    /** Takes one call from the Page's bucket; false when it is empty (the call is throttled). */
    synchronized boolean tryAcquire(int page) {
        if (rate == 0) {
            return true;
        }
        refill(page);
        if (tokens[page] >= 1) {
            tokens[page] -= 1;
            return true;
        }
        return false;
    }

    /** How much of the bucket is used, 0..100. */
    synchronized int usagePercent(int page) {
        if (rate == 0) {
            return 0;
        }
        refill(page);
        return (int) Math.round(100 * (capacity() - tokens[page]) / capacity());
    }

    /** Whole minutes until a call is possible again (Graph's {@code estimated_time_to_regain_access}). */
    synchronized int minutesToRegain(int page) {
        return rate == 0 ? 0 : (int) (Math.max(0, 1 - tokens[page]) / rate / 60);
    }

    private double capacity() {
        return Math.max(1, rate);
    }

    private void refill(int page) {
        long now = System.nanoTime();
        tokens[page] = Math.min(capacity(), tokens[page] + (now - refilledAt[page]) / 1e9 * rate);
        refilledAt[page] = now;
    }
}
