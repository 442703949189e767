package app.inboxsync.graph;

import app.inboxsync.sync.GraphObserver;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time for a real {@link GraphClient} in which every wait (backoff, rate limit, a held Page) returns at once
 * and moves the client's clock forward by its length, so a test can let Facebook ask for a 5-minute pause
 * and still finish in milliseconds. Records how long the client would have waited.
 */
public final class SkippedWaits implements Sleeper {
    private final AtomicLong skippedNanos = new AtomicLong();

    @Override
    public void sleep(Duration d) {
        if (d.compareTo(Duration.ZERO) > 0) {
            skippedNanos.addAndGet(d.toNanos());
        }
    }

    /** Lets {@code d} pass on the client's clock, as if the test had waited that long. */
    public void pass(Duration d) {
        skippedNanos.addAndGet(d.toNanos());
    }

    long nanoTime() {
        return System.nanoTime() + skippedNanos.get();
    }

    /** Everything the client would have slept so far. */
    public Duration skipped() {
        return Duration.ofNanos(skippedNanos.get());
    }

    /** A client on {@code settings} whose waits are skipped by this clock. */
    public GraphClient client(GraphSettings settings, GraphObserver observer) {
        return new GraphClient(settings, observer, this, this::nanoTime);
    }
}
