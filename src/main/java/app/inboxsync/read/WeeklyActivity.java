package app.inboxsync.read;

import java.time.DayOfWeek;
import java.util.Arrays;

/**
 * Customer messages counted by weekday and hour of the day (in one time zone): when customers write.
 * Immutable; {@link #count} reads one cell.
 */
public final class WeeklyActivity {
    private final long[][] counts; // [weekday 0 = Monday … 6 = Sunday][hour 0 … 23]

    /** {@code counts[weekday 0 = Monday … 6 = Sunday][hour 0 … 23]}, copied. */
    public WeeklyActivity(long[][] counts) {
        this.counts = new long[7][];
        for (int d = 0; d < 7; d++) {
            this.counts[d] = Arrays.copyOf(counts[d], 24);
        }
    }

    public static WeeklyActivity empty() {
        return new WeeklyActivity(new long[7][24]);
    }

    public long count(DayOfWeek day, int hour) {
        return counts[day.getValue() - 1][hour];
    }

    /** The busiest cell's count (0 when nothing was counted): what the shading is relative to. */
    public long max() {
        return Arrays.stream(counts).flatMapToLong(Arrays::stream).max().orElse(0);
    }

    public long total() {
        return Arrays.stream(counts).flatMapToLong(Arrays::stream).sum();
    }
}
