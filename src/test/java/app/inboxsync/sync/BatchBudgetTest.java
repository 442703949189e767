package app.inboxsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Message;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The shared budget alone: what fits goes at once, the rest waits its turn, an interrupt or oversize never sticks. */
class BatchBudgetTest {
    private static final long MB = 1L << 20;
    private final BatchBudget budget = new BatchBudget(100);

    /** A thread asking for {@code bytes}; its future ends with the hold, or with what the wait threw. */
    private record Asking(Thread thread, CompletableFuture<BatchBudget.Hold> hold) { }

    private Asking ask(long bytes) {
        CompletableFuture<BatchBudget.Hold> hold = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                hold.complete(budget.acquire(bytes));
            } catch (RuntimeException e) {
                hold.completeExceptionally(new InterruptedFlag(e, Thread.currentThread().isInterrupted()));
            }
        }, "asking-" + bytes);
        t.setDaemon(true);
        t.start();
        return new Asking(t, hold);
    }

    /** What a wait threw, and whether the thread's interrupt was still set afterwards. */
    private static final class InterruptedFlag extends RuntimeException {
        final boolean stillInterrupted;

        InterruptedFlag(RuntimeException cause, boolean stillInterrupted) {
            super(cause);
            this.stillInterrupted = stillInterrupted;
        }
    }

    /** Waits (no time is asserted: this only lets the other thread get where the test needs it) for a condition. */
    private static void until(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the other thread never got there");
            }
            Thread.sleep(2);
        }
    }

    private void untilWaiting(Asking a, long waitsSoFar) throws InterruptedException {
        until(() -> budget.waits() >= waitsSoFar && a.thread().getState() == Thread.State.WAITING);
    }

    @Test
    void whatFitsIsHeldAtOnceAndGivenBackOnceHoweverOftenClosed() {
        BatchBudget.Hold a = budget.acquire(60);
        BatchBudget.Hold b = budget.acquire(40);
        assertEquals(100, budget.heldBytes());
        assertNull(budget.tryAcquire(1), "nothing is left");
        a.close();
        a.close();
        assertEquals(40, budget.heldBytes(), "a second close gives nothing back twice");
        b.close();
        assertEquals(0, budget.heldBytes());
        assertEquals(100, budget.peakBytes());
        assertEquals(0, budget.waits());
    }

    @Test
    void pagesWaitInTheOrderTheyAskedEvenWhenALaterSmallerOneWouldFit() throws Exception {
        BatchBudget.Hold first = budget.acquire(80);
        Asking large = ask(95);
        untilWaiting(large, 1);
        Asking small = ask(10); // 80 + 10 fits, but the large one asked first
        untilWaiting(small, 2);
        assertNull(budget.tryAcquire(10), "no barging past the queue either");
        assertTrue(!small.hold().isDone(), "the small one waits behind the large one");

        first.close();
        BatchBudget.Hold largeHold = large.hold().get();
        assertEquals(95, budget.heldBytes());
        untilWaiting(small, 2);
        assertTrue(!small.hold().isDone(), "95 + 10 does not fit: the small one still waits");

        largeHold.close();
        small.hold().get().close();
        assertEquals(0, budget.heldBytes());
        assertTrue(budget.peakBytes() <= 100, "never more than the budget held: " + budget.peakBytes());
    }

    @Test
    void aBatchLargerThanTheWholeBudgetGoesAloneOnceNothingElseIsHeld() throws Exception {
        BatchBudget.Hold small = budget.acquire(10);
        Asking huge = ask(5_000);
        untilWaiting(huge, 1);
        small.close();
        BatchBudget.Hold hugeHold = huge.hold().get();
        assertEquals(100, hugeHold.bytes(), "counted as the whole budget");
        assertNull(budget.tryAcquire(1), "it goes alone");
        hugeHold.close();

        BatchBudget.Hold alone = budget.acquire(1_000_000);
        assertEquals(100, budget.heldBytes(), "with nothing else held it does not wait at all");
        alone.close();
        assertEquals(0, budget.heldBytes());
    }

    @Test
    void anInterruptedWaitIsACancelHoldsNothingAndLetsTheNextInLineGo() throws Exception {
        BatchBudget.Hold first = budget.acquire(60);
        Asking blocked = ask(50);
        untilWaiting(blocked, 1);
        Asking behind = ask(30); // fits beside the 60, but waits behind the 50
        untilWaiting(behind, 2);

        blocked.thread().interrupt();
        Exception e = assertThrows(Exception.class, () -> blocked.hold().get());
        InterruptedFlag flag = assertInstanceOf(InterruptedFlag.class, e.getCause());
        assertInstanceOf(CancelSignal.SyncCancelledException.class, flag.getCause());
        assertTrue(flag.stillInterrupted, "the interrupt is kept for the pass to see");

        BatchBudget.Hold behindHold = behind.hold().get(); // woken when the one before gave up its place
        assertEquals(90, budget.heldBytes(), "the interrupted one holds nothing");
        behindHold.close();
        first.close();
        assertNotNull(budget.tryAcquire(100), "no place is left taken in the queue");
    }

    @Test
    void anAlreadyInterruptedThreadDoesNotWait() {
        BatchBudget.Hold all = budget.acquire(100);
        Thread.currentThread().interrupt();
        try {
            assertThrows(CancelSignal.SyncCancelledException.class, () -> budget.acquire(1));
            assertTrue(Thread.interrupted(), "the interrupt is kept (and cleared here)");
        } finally {
            Thread.interrupted();
        }
        all.close();
        assertNotNull(budget.tryAcquire(100));
    }

    @Test
    void anAnswerSmallerThanExpectedLetsTheNextInAndALargerOneGoesOnPastTheBudget() throws Exception {
        BatchBudget.Hold expected = budget.acquire(90);
        Asking next = ask(50);
        untilWaiting(next, 1);
        expected.resize(40); // the answer came: smaller than expected
        BatchBudget.Hold nextHold = next.hold().get();
        assertEquals(90, budget.heldBytes());

        expected.resize(70); // the next answer is larger than expected: it is in memory already, so it counts at once
        assertEquals(120, budget.heldBytes());
        assertEquals(120, budget.peakBytes(), "the peak says so");
        assertNull(budget.tryAcquire(1), "and nobody else gets in until it is back under");
        nextHold.close();
        expected.close();
        expected.resize(99);
        assertEquals(0, budget.heldBytes(), "a hold given back stays given back");
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new BatchBudget(0));
        assertThrows(IllegalArgumentException.class, () -> budget.acquire(-1));
        assertEquals(1, new BatchBudget(1).capacityBytes(), "one byte is the least budget");
        BatchBudget.Hold nothing = budget.acquire(0);
        assertEquals(0, nothing.bytes(), "an empty answer holds nothing, and is no error");
        nothing.close();
        BatchBudget.Hold.NONE.close();
        assertEquals(0, BatchBudget.Hold.NONE.bytes());
    }

    @Test
    void sizedAsAQuarterOfTheHeapNeverBelowAFewBatches() {
        assertEquals(128 * MB, BatchBudget.forHeap(512 * MB).capacityBytes()); // packaging/jpackage.sh: -Xmx512m
        assertEquals(64 * MB, BatchBudget.forHeap(256 * MB).capacityBytes());
        assertEquals(BatchBudget.FEWEST_BYTES, BatchBudget.forHeap(16 * MB).capacityBytes());
    }

    @Test
    void theSettingOverridesTheShareWithinTheHeapAndSaysWhatToSetWhenWrong() {
        assertEquals(128 * MB, BatchBudget.fromSetting(null, 512 * MB).capacityBytes());
        assertEquals(128 * MB, BatchBudget.fromSetting(" ", 512 * MB).capacityBytes());
        assertEquals(40 * MB, BatchBudget.fromSetting(" 40 ", 512 * MB).capacityBytes());
        assertEquals(MB, BatchBudget.fromSetting("1", 512 * MB).capacityBytes(), "the least");
        assertEquals(512 * MB, BatchBudget.fromSetting("512", 512 * MB).capacityBytes(), "the most: the whole heap");
        for (String wrong : List.of("0", "513", "lots", "1.5")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> BatchBudget.fromSetting(wrong, 512 * MB));
            assertEquals("INBOXSYNC_BATCH_BUDGET_MB must be a whole number of megabytes from 1 to 512 (Java's heap "
                    + "here; unset: a quarter of it, 128); got '" + wrong + "'", e.getMessage());
        }
    }

    @Test
    void aBatchIsEstimatedFromItsTextsAtTwoBytesACharacter() {
        Instant t = Instant.parse("2026-12-04T10:00:00Z");
        MessageBatch empty = new MessageBatch(List.of(), null, 1);
        MessageBatch one = new MessageBatch(List.of(message("m_1", "hi", t)), null, 1);
        MessageBatch longer = new MessageBatch(List.of(message("m_1", "hi".repeat(1_000), t)), null, 1);
        assertTrue(BatchBytes.of(one) > BatchBytes.of(empty));
        assertEquals(2 * (2_000 - 2), BatchBytes.of(longer) - BatchBytes.of(one), "two bytes per character");
    }

    private static Message message(String id, String text, Instant at) {
        return new Message(id, "t_1", "111", "u_1", "Ann", false, text, at, null, false);
    }
}
