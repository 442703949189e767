package app.inboxsync.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.app.MediaDownloads;
import app.inboxsync.app.background.Background;
import app.inboxsync.sync.CancelSignal;
import app.inboxsync.sync.SyncEvent;
import app.inboxsync.sync.SyncListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The downloads that follow a long-running app's syncs, their background work held and run by the test: batches
 * written while a run waits are folded into it, a run takes at most 64 files and the next goes on, and a cancelled
 * sync starts no further run. Against the simulator's CDN and embedded PostgreSQL.
 */
class MediaDownloadsTest {
    @TempDir
    Path home;

    /** Background work held until the test runs it, one at a time, on the test's thread. */
    private static final class HeldBackground implements Background {
        final Deque<Runnable> held = new ArrayDeque<>();

        @Override
        public <T> void run(String what, Callable<T> work, Consumer<T> onSuccess, Consumer<String> onFailure) {
            held.add(() -> {
                T value;
                try {
                    value = work.call();
                } catch (Exception e) {
                    onFailure.accept(e.toString());
                    return;
                }
                onSuccess.accept(value);
            });
        }
    }

    @Test
    void batchesFoldIntoOneRunAndEachRunTakesAtMost64Files() throws Exception {
        try (MediaFixture f = new MediaFixture(41)) {
            assertTrue(f.sync(SyncListener.NONE).succeeded());
            HeldBackground background = new HeldBackground();
            int[] changes = {0};
            try (MediaDownloads downloads = new MediaDownloads(f.media(home.resolve("media"), 25 * MediaSettings.MB,
                    1024 * MediaSettings.MB), background)) {
                downloads.whenFilesChange(() -> changes[0]++);
                SyncListener listener = downloads.during(f.page.id(), new CancelSignal());
                for (int batch = 1; batch <= 3; batch++) {
                    listener.on(new SyncEvent.BatchCompleted(f.page.id(), batch, 50, 50 * batch));
                }
                listener.on(new SyncEvent.BatchCompleted("another page", 1, 50, 50)); // not this one's
                assertEquals(1, background.held.size(), "one run for three batches");
                assertTrue(downloads.busy(f.page.id()));

                int runs = 0;
                long listed = -1;
                while (!background.held.isEmpty()) {
                    long storedBefore = stored(f);
                    background.held.poll().run();
                    runs++;
                    if (listed < 0) {
                        listed = f.rows().size();
                    }
                    assertTrue(stored(f) - storedBefore <= 64, "a run takes at most 64 files");
                }
                assertTrue(listed > 64, "enough attachments for more than one run: " + listed);
                assertTrue(runs >= (listed + 63) / 64, runs + " runs for " + listed + " files");
                assertFalse(downloads.busy(f.page.id()));
                assertEquals(0, f.rows().stream().filter(r -> "pending".equals(r.status())).count());
                assertTrue(changes[0] >= runs - 1, "the views heard of each run that did something: " + changes[0]);
            }
        }
    }

    @Test
    void aCancelledSyncStartsNoFurtherRunAndDownloadsNothing() throws Exception {
        try (MediaFixture f = new MediaFixture(41)) {
            assertTrue(f.sync(SyncListener.NONE).succeeded());
            HeldBackground background = new HeldBackground();
            try (MediaDownloads downloads = new MediaDownloads(f.media(home.resolve("media"), 25 * MediaSettings.MB,
                    1024 * MediaSettings.MB), background)) {
                CancelSignal cancel = new CancelSignal();
                SyncListener listener = downloads.during(f.page.id(), cancel);
                listener.on(new SyncEvent.BatchCompleted(f.page.id(), 1, 50, 50));
                listener.on(new SyncEvent.BatchCompleted(f.page.id(), 2, 50, 100)); // folded: one more after
                cancel.cancel();
                listener.on(new SyncEvent.BatchCompleted(f.page.id(), 3, 50, 150)); // after the cancel: ignored

                while (!background.held.isEmpty()) {
                    background.held.poll().run();
                }
                assertFalse(downloads.busy(f.page.id()));
                assertEquals(0, f.sim.cdn().downloads(), "nothing was downloaded for a cancelled sync");
                assertEquals(0, stored(f));
                try (var parts = Files.list(home.resolve("media").resolve("tmp"))) {
                    assertEquals(0, parts.count());
                }
            }
        }
    }

    private static long stored(MediaFixture f) throws Exception {
        return f.rows().stream().filter(r -> "stored".equals(r.status())).count();
    }
}
