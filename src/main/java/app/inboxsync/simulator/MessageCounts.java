package app.inboxsync.simulator;

import java.util.SplittableRandom;

/** How many messages a generated conversation gets. */
final class MessageCounts {

    static final int LONG_MIN = 101;
    static final int LONG_MAX = 180;
    static final int HUGE_MIN = 1_001;
    static final int HUGE_MAX = 3_000;
    private static final double LONG_MEAN = (LONG_MIN + LONG_MAX) / 2.0;
    private static final int SHORT_MAX = 100;
    /** Short threads keep at least this mean (or the average, if lower), so small worlds still have threads. */
    private static final double SHORT_MEAN_FLOOR = 4;

    private MessageCounts() {
    }

    /**
     * A long conversation (101..180, so it needs paging) with probability {@code longShare}; otherwise a
     * roughly exponential count whose mean makes the overall mean about {@code average}. When the long
     * conversations leave too little for the short ones, short ones average 4 (or {@code average} if lower)
     * and the overall average comes out higher than asked.
     */
    static int draw(SplittableRandom r, double average, double longShare, double hugeShare) {
        // Only a world that asks for huge threads draws for them: every other world stays as it was.
        if (hugeShare > 0 && r.nextDouble() < hugeShare) {
            return HUGE_MIN + r.nextInt(HUGE_MAX - HUGE_MIN + 1);
        }
        return draw(r, average, longShare);
    }

    static int draw(SplittableRandom r, double average, double longShare) {
        if (r.nextDouble() < longShare) {
            return LONG_MIN + r.nextInt(LONG_MAX - LONG_MIN + 1);
        }
        double floor = Math.min(average, SHORT_MEAN_FLOOR);
        double shortMean = longShare >= 1 ? 1 : Math.max(floor, (average - longShare * LONG_MEAN) / (1 - longShare));
        double extra = -Math.log(1 - r.nextDouble()) * (shortMean - 1);
        return (int) Math.min(SHORT_MAX, 1 + Math.round(extra));
    }
}
