package app.inboxsync.sync;

import java.time.Duration;
import java.time.Instant;

/**
 * Times from Graph are data, not the clock: a conversation stamped in year 9999, or three days ahead, must not
 * become the watermark, or every later incremental pass would stop at once and find nothing. The watermark
 * never passes the time the answers were given (this machine's clock at the end of the pass) plus a small
 * skew for clocks that disagree; an odd time is kept on its conversation as Facebook gave it.
 */
final class WatermarkCeiling {
    /** How far Facebook's clock may run ahead of ours before one of its times counts as odd. */
    static final Duration SKEW = Duration.ofMinutes(5);

    private WatermarkCeiling() {
    }

    /** The latest watermark the answers given by {@code answeredAt} can justify. */
    static Instant at(Instant answeredAt) {
        return answeredAt.plus(SKEW);
    }

    /** True when {@code time} lies past what the answers given by {@code answeredAt} can know of. */
    static boolean beyond(Instant time, Instant answeredAt) {
        return time != null && time.isAfter(at(answeredAt));
    }

    /** {@code watermark}, or the ceiling when it lies beyond it. */
    static Instant cap(Instant watermark, Instant answeredAt) {
        return beyond(watermark, answeredAt) ? at(answeredAt) : watermark;
    }
}
