package app.inboxsync.bench;

import app.inboxsync.concurrent.DaemonThreads;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * Samples the FX thread's stack every few milliseconds to find its longest busy stretch: the time between
 * leaving the glass event loop and returning to it (one long runnable, or a pulse with several runnables
 * back to back). It also remembers where our own code was during that stretch, which is how a stall is traced
 * to its cause. Sampling costs a thread handshake per sample, so it is a bench tool only.
 */
final class FxBusyProbe implements AutoCloseable {
    private static final long EVERY_NANOS = Duration.ofMillis(5).toNanos();
    private final Thread fx;
    private final Thread sampler;
    private volatile boolean running = true;
    private final Map<String, Integer> current = new HashMap<>();
    private volatile Map<String, Integer> longestWhere = Map.of();
    private volatile long longestNanos;
    private long busySince = -1;

    FxBusyProbe(Thread fx) {
        this.fx = fx;
        this.sampler = DaemonThreads.named("fx-busy-probe").newThread(this::sample);
        sampler.start();
    }

    private void sample() {
        while (running) {
            StackTraceElement[] stack = fx.getStackTrace();
            long now = System.nanoTime();
            if (!idle(stack)) {
                if (busySince < 0) {
                    busySince = now;
                    current.clear();
                }
                current.merge(where(stack), 1, Integer::sum);
            } else if (busySince >= 0) {
                if (now - busySince > longestNanos) {
                    longestNanos = now - busySince;
                    longestWhere = Map.copyOf(current);
                }
                busySince = -1;
            }
            LockSupport.parkNanos(EVERY_NANOS);
        }
    }

    /** Waiting for events inside the native glass loop (GTK, macOS and Windows all name it so). */
    private static boolean idle(StackTraceElement[] stack) {
        return stack.length > 0 && stack[0].isNativeMethod() && stack[0].getMethodName().contains("runLoop");
    }

    /** Our innermost frame, else JavaFX's innermost (a wait for the render thread shows as QuantumToolkit…). */
    private static String where(StackTraceElement[] stack) {
        for (StackTraceElement frame : stack) {
            String c = frame.getClassName();
            if (c.startsWith("app.inboxsync.") && !c.startsWith("app.inboxsync.bench.")) {
                return describe(frame);
            }
        }
        for (StackTraceElement frame : stack) {
            if (frame.getClassName().startsWith("com.sun.javafx.") || frame.getClassName().startsWith("javafx.")) {
                return describe(frame);
            }
        }
        return stack.length == 0 ? "?" : describe(stack[0]);
    }

    private static String describe(StackTraceElement frame) {
        String c = frame.getClassName();
        return c.substring(c.lastIndexOf('.') + 1) + "." + frame.getMethodName() + ":" + frame.getLineNumber();
    }

    double longestMs() {
        return longestNanos / 1e6;
    }

    /** The frames sampled during the longest stretch, most often seen first (a few). */
    String longestWhere() {
        return longestWhere.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(3).map(e -> e.getKey() + " ×" + e.getValue())
                .reduce((a, b) -> a + ", " + b).orElse("-");
    }

    @Override
    public void close() {
        running = false;
        try {
            sampler.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
