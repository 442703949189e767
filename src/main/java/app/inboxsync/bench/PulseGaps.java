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

    /** Call after {@link #stop()}, on the FX thread. */
    Stats stats() {
        long[] sorted = Arrays.copyOf(gapsNanos, count);
        Arrays.sort(sorted);
        if (sorted.length == 0) {
            return new Stats(0, 0, 0, 0);
        }
        int p99 = Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1);
        return new Stats(count + 1, millis(sorted[sorted.length - 1]), millis(sorted[p99]),
                millis(sorted[sorted.length / 2]));
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** @param pulses pulses seen; the gaps are between consecutive ones, in milliseconds */
    record Stats(int pulses, double longestMs, double p99Ms, double medianMs) {
    }
}
