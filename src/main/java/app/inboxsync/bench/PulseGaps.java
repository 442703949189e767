package app.inboxsync.bench;

import java.util.Arrays;
import javafx.animation.AnimationTimer;

/**
 * Records the time between consecutive FX pulses. A running {@link AnimationTimer} makes JavaFX pulse
 * continuously (60 per second), so any gap much longer than ~17 ms is time the FX thread could not draw:
 * a slow handler, a long layout, a garbage collection. Start and stop it on the FX thread.
 */
final class PulseGaps extends AnimationTimer {
    private long[] gapsNanos = new long[4096];
    private int count;
    private long last;

    @Override
    public void handle(long pulseTime) {
        long now = System.nanoTime();
        if (last != 0) {
            if (count == gapsNanos.length) {
                gapsNanos = Arrays.copyOf(gapsNanos, count * 2);
            }
            gapsNanos[count++] = now - last;
        }
        last = now;
    }

    /** Call after {@link #stop()}, on the FX thread; {@code overMs}: the gap length to count. */
    Stats stats(double overMs) {
        long[] sorted = Arrays.copyOf(gapsNanos, count);
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return new Stats(0, 0, 0, 0, 0, 0);
        }
        int p99 = Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1);
        // when the longest gap ended, counted from the first pulse: at the start, in the middle or at the end
        long elapsed = 0;
        long longestEndedAt = 0;
        long longest = -1;
        int over = 0;
        for (int i = 0; i < count; i++) {
            elapsed += gapsNanos[i];
            if (gapsNanos[i] > longest) {
                longest = gapsNanos[i];
                longestEndedAt = elapsed;
            }
            if (millis(gapsNanos[i]) > overMs) {
                over++;
            }
        }
        return new Stats(count + 1, millis(sorted[sorted.length - 1]), millis(sorted[p99]),
                millis(sorted[sorted.length / 2]), longestEndedAt / 1e9, over);
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    /**
     * @param pulses          pulses seen; the gaps are between consecutive ones, in milliseconds
     * @param longestAtSecond when the longest gap ended, in seconds after the first pulse
     * @param over            how many gaps were longer than the length asked for
     */
    record Stats(int pulses, double longestMs, double p99Ms, double medianMs, double longestAtSecond, int over) {
    }
}
