package app.inboxsync.simulator;

import java.util.SplittableRandom;

/** How many messages a generated conversation gets. */
final class MessageCounts {

    static final int LONG_MIN = 101;
    static final int LONG_MAX = 180;
    private static final double LONG_MEAN = (LONG_MIN + LONG_MAX) / 2.0;
    private static final int SHORT_MAX = 100;

    private MessageCounts() {
    }

    /**
     * A long conversation (101..180, so it needs paging) with probability {@code longShare}; otherwise a
     * roughly exponential count whose mean makes the overall mean about {@code average}. When the long
     * conversations alone exceed the average, short ones get 1 message and the average comes out higher.
     */
    static int draw(SplittableRandom r, double average, double longShare) {
        if (r.nextDouble() < longShare) {
            return LONG_MIN + r.nextInt(LONG_MAX - LONG_MIN + 1);
        }
        double shortMean = longShare >= 1 ? 1 : Math.max(1, (average - longShare * LONG_MEAN) / (1 - longShare));
        double extra = -Math.log(1 - r.nextDouble()) * (shortMean - 1);
        return (int) Math.min(SHORT_MAX, 1 + Math.round(extra));
    }
}
