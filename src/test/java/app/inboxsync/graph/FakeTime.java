package app.inboxsync.graph;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/** A clock that only moves when someone sleeps on it, so waits are instant and exactly measurable. */
final class FakeTime implements Sleeper, LongSupplier {
    private long nanos = 1_000_000_000L;
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized void sleep(Duration d) {
        sleeps.add(d);
        nanos += d.toNanos();
    }

    @Override
    public synchronized long getAsLong() {
        return nanos;
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    synchronized Duration slept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
