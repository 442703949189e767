package app.inboxsync.graph;

import java.time.Duration;

/** Waits for backoff and rate limits; tests pass a fake that records the waits and returns at once. */
@FunctionalInterface
interface Sleeper {
    Sleeper SYSTEM = d -> {
        if (d.compareTo(Duration.ZERO) > 0) {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
