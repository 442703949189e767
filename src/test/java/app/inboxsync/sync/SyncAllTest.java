package app.inboxsync.sync;

import static app.inboxsync.sync.ScriptedGraph.PAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Secret;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Many Pages at once on the in-memory store: order of results, one failure alone, the bound, a cancel that wakes. */
class SyncAllTest {
    private final ScriptedGraph graph = new ScriptedGraph();
    private final MemoryStore store = new MemoryStore(new PageState(PAGE, "Shop", null, List.of(Folder.INBOX), 0));
    private final SyncService service = new SyncService(graph, store);

    private static SyncRequest page(String id) {
        return new SyncRequest(new PageAccess(id, Secret.of("EAAtoken" + id)), null, false);
    }

    @Test
    void atLeastOnePageAtATime() {
        assertThrows(IllegalArgumentException.class, () -> new SyncAll(service, 0));
        new SyncAll(service, 1); // the smallest that works
    }

    @Test
    void nothingToSyncIsNoResult() {
        assertEquals(List.of(), new SyncAll(service, 2).sync(List.of(), SyncListener.NONE, new CancelSignal()));
        assertEquals(0, store.pageStateReads);
    }

    @Test
    void resultsComeInTheOrderAskedAndOnePagesFailureLeavesTheOthers() {
        List<SyncResult> r = new SyncAll(service, 2).sync(List.of(page("999"), page(PAGE), page("998")),
                SyncListener.NONE, new CancelSignal());
        assertEquals(List.of("999", PAGE, "998"), r.stream().map(SyncResult::pageId).toList());
        assertEquals(List.of(SyncResult.Status.FAILED, SyncResult.Status.SUCCEEDED, SyncResult.Status.FAILED),
                r.stream().map(SyncResult::status).toList());
    }

    @Test
    void noMorePagesRunAtOnceThanAllowed() {
        store.anyPage = true;
        AtomicInteger active = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        graph.onCall = () -> {
            most.accumulateAndGet(active.incrementAndGet(), Math::max);
            try {
                Thread.sleep(30);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            active.decrementAndGet();
        };
        List<SyncResult> r = new SyncAll(service, 2).sync(List.of(page("1"), page("2"), page("3"), page("4")),
                SyncListener.NONE, new CancelSignal());
        assertTrue(r.stream().allMatch(SyncResult::succeeded), r.toString());
        assertTrue(most.get() <= 2, "at most 2 at once, saw " + most.get());
    }

    @Test
    void aCancelWakesAPageWaitingInAGraphCall() throws Exception {
        store.anyPage = true;
        CancelSignal cancel = new CancelSignal();
        graph.onCall = () -> {
            try {
                Thread.sleep(Duration.ofSeconds(20).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GraphException(GraphException.Kind.TRANSIENT, "interrupted while waiting");
            }
        };
        Thread canceller = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException ignored) {
                return;
            }
            cancel.cancel();
        });
        long start = System.nanoTime();
        canceller.start();
        List<SyncResult> r = new SyncAll(service, 2).sync(List.of(page("1"), page("2"), page("3")),
                SyncListener.NONE, cancel);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        canceller.join();
        assertTrue(took.compareTo(Duration.ofSeconds(10)) < 0, "woken at once, not after the wait: " + took);
        assertEquals(List.of(SyncResult.Status.CANCELLED, SyncResult.Status.CANCELLED, SyncResult.Status.CANCELLED),
                r.stream().map(SyncResult::status).toList());
        assertTrue(!Thread.currentThread().isInterrupted(), "the caller's thread is not interrupted");
    }

    @Test
    void aRoundForgetsItsWakeUpSoASignalKeptForManyRoundsHoldsNone() {
        store.anyPage = true;
        CancelSignal kept = new CancelSignal(); // as `sync --watch` keeps one signal for all its rounds
        SyncAll all = new SyncAll(service, 2);
        for (int round = 0; round < 3; round++) {
            List<SyncResult> r = all.sync(List.of(page("1"), page("2")), SyncListener.NONE, kept);
            assertTrue(r.stream().allMatch(SyncResult::succeeded), r.toString());
            assertEquals(0, kept.actionsWaiting(), "round " + round + " left its wake-up on the signal");
        }

        Thread.currentThread().interrupt(); // a round whose caller is interrupted forgets it too, however it ends
        try {
            all.sync(List.of(page("1")), SyncListener.NONE, kept);
        } catch (CancelSignal.SyncCancelledException e) {
            // ended by throwing: also fine here
        } finally {
            Thread.interrupted();
        }
        assertEquals(0, kept.actionsWaiting(), "the interrupted round left its wake-up on the signal");
    }

    @Test
    void roundsStartWhereTheyShouldAndTakeTheStalestFirst() {
        java.time.Instant now = java.time.Instant.parse("2026-12-03T12:00:00Z");
        assertEquals(new SharedRound(now.minusSeconds(4)), SharedRound.sinceLaunch(now, Duration.ofSeconds(4)));
        assertEquals(new SharedRound(now), SharedRound.sinceLaunch(now, Duration.ofSeconds(-4)), "a clock step back");
        assertEquals(new SharedRound(now.minusSeconds(540)), SharedRound.everyInterval(now, Duration.ofMinutes(10)));
        java.util.Map<String, java.util.Optional<java.time.Instant>> last = java.util.Map.of(
                "3", java.util.Optional.of(now.minusSeconds(10)), "1", java.util.Optional.of(now.minusSeconds(99)),
                "2", java.util.Optional.empty(), "0", java.util.Optional.of(now.minusSeconds(10)));
        List<SyncRequest> ordered = SharedRound.stalestFirst(List.of(page("3"), page("1"), page("2"), page("0")),
                last::get);
        assertEquals(List.of("2", "1", "0", "3"), ordered.stream().map(SyncRequest::pageId).toList());
    }

    @Test
    void theCallerInterruptedWhileWaitingIsACancelAndThePagesThreadsEnd() throws Exception {
        store.anyPage = true;
        graph.onCall = () -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        Thread.currentThread().interrupt();
        assertThrows(CancelSignal.SyncCancelledException.class, () -> new SyncAll(service, 2)
                .sync(List.of(page("1")), SyncListener.NONE, new CancelSignal()));
        assertTrue(Thread.interrupted(), "the interrupt is kept for the caller (and cleared here)");

        graph.onCall = () -> { };
        new SyncAll(service, 2).sync(List.of(page("1"), page("2")), SyncListener.NONE, new CancelSignal());
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (pageThreads() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, pageThreads(), "the pool is shut down after the round");
    }

    private static long pageThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("sync-page") && t.isAlive()).count();
    }
}
