package app.inboxsync.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.inboxsync.app.background.Background;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Asks while a read runs fold into one more read after it; a failed read does not stop later ones. */
class FoldedReadTest {
    /** Holds each read until the test lets it finish, as the window's background does until the database answers. */
    private static final class HeldBackground implements Background {
        final List<Runnable> held = new ArrayList<>();

        @Override
        public <T> void run(String what, Callable<T> work, Consumer<T> onSuccess, Consumer<String> onFailure) {
            held.add(() -> {
                try {
                    onSuccess.accept(work.call());
                } catch (Exception e) {
                    onFailure.accept("Could not " + what + ": " + e.getMessage());
                }
            });
        }

        void finishOne() {
            held.remove(0).run();
        }
    }

    @Test
    void manyAsksWhileOneReadRunsBecomeOneMoreReadWhichSeesTheNewestState() {
        HeldBackground background = new HeldBackground();
        AtomicInteger state = new AtomicInteger();
        List<Integer> shown = new ArrayList<>();
        FoldedRead<Integer> read = new FoldedRead<>(background, "read", state::get, shown::add, m -> { });

        read.ask();
        for (int i = 1; i <= 200; i++) { // 200 Pages end while the first read runs
            state.set(i);
            read.ask();
        }
        assertEquals(1, background.held.size(), "one read at a time");
        background.finishOne();
        assertEquals(List.of(200), shown, "the first read answers with what it read");
        assertEquals(1, background.held.size(), "the 200 asks became one more read");
        background.finishOne();
        assertEquals(List.of(200, 200), shown);
        assertEquals(0, background.held.size(), "nothing asked since: no more reads");

        read.ask();
        assertEquals(1, background.held.size(), "a later ask reads again");
    }

    @Test
    void aFailedReadSaysSoAndTheFoldedAskStillReads() {
        HeldBackground background = new HeldBackground();
        AtomicInteger calls = new AtomicInteger();
        List<String> failures = new ArrayList<>();
        List<Integer> shown = new ArrayList<>();
        FoldedRead<Integer> read = new FoldedRead<>(background, "read the counts", () -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database gone");
            }
            return calls.get();
        }, shown::add, failures::add);

        read.ask();
        read.ask();
        background.finishOne();
        assertEquals(List.of("Could not read the counts: database gone"), failures);
        background.finishOne();
        assertEquals(List.of(2), shown);
    }
}
