package app.inboxsync.media;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Counters the download threads update and a progress view reads (as often as it likes, never per file). */
public final class FetchTally {
    final AtomicLong planned = new AtomicLong();
    final AtomicLong stored = new AtomicLong();
    final AtomicLong alreadyStored = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    final AtomicLong tooLarge = new AtomicLong();
    final AtomicLong gone = new AtomicLong();
    final AtomicLong failed = new AtomicLong();
    final AtomicLong retryLater = new AtomicLong();
    final AtomicLong refreshed = new AtomicLong();
    final AtomicBoolean quotaReached = new AtomicBoolean();

    /** A consistent-enough copy for display and for the result. */
    public record Snapshot(long planned, long stored, long alreadyStored, long bytes, long tooLarge, long gone,
            long failed, long retryLater, long refreshed, boolean quotaReached) {
        /** Files dealt with so far (stored, deduplicated, or ended otherwise). */
        public long done() {
            return stored + alreadyStored + tooLarge + gone + failed + retryLater;
        }
    }

    public Snapshot snapshot() {
        return new Snapshot(planned.get(), stored.get(), alreadyStored.get(), bytes.get(), tooLarge.get(), gone.get(),
                failed.get(), retryLater.get(), refreshed.get(), quotaReached.get());
    }
}
