package app.inboxsync.sync;

import static app.inboxsync.sync.ScriptedGraph.ACCESS;
import static app.inboxsync.sync.ScriptedGraph.PAGE;
import static app.inboxsync.sync.ScriptedGraph.conversation;
import static app.inboxsync.sync.ScriptedGraph.cursor;
import static app.inboxsync.sync.ScriptedGraph.fetched;
import static app.inboxsync.sync.ScriptedGraph.message;
import static app.inboxsync.sync.ScriptedGraph.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Folder;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The listing's holds on the {@link BatchBudget} (scripted Graph, in-memory store): what a Page holds before each
 * call and while the answer is written, and that every way a listing page can end gives its hold back.
 */
class ListingBudgetTest {
    private static final Instant T = Instant.parse("2026-02-01T10:00:00Z");
    private static final long CAPACITY = 64L << 20;

    private final ScriptedGraph graph = new ScriptedGraph();
    private final MemoryStore store = new MemoryStore(new PageState(PAGE, "Shop", null, List.of(Folder.INBOX), 0));
    private final BatchBudget budget = new BatchBudget(CAPACITY);
    private final SyncService service = new SyncService(graph, store, budget);

    private SyncResult sync() {
        return service.sync(new SyncRequest(ACCESS, null, false), SyncListener.NONE, new CancelSignal());
    }

    private void assertNothingHeld() {
        assertEquals(0, budget.heldBytes(), "the pass holds nothing once it ended");
        assertNotNull(budget.tryAcquire(CAPACITY), "and nobody waits in the queue");
    }

    @Test
    void aListingHoldsAGenerousGuessFirstThenThePreviousAnswersSizeAndEachAnswerAtItsSizeUntilWritten()
            throws Exception {
        ConversationBatch first = page(cursor("inbox-2"),
                fetched(conversation("t_1", Folder.INBOX, T, 1), null, message("t_1", "m_1", T)));
        ConversationBatch second = page(null,
                fetched(conversation("t_2", Folder.INBOX, T.minusSeconds(60), 1), null, message("t_2", "m_2", T)));
        graph.list(Folder.INBOX, first).list(Folder.INBOX, second);
        // The first page's write waits until the second call is made, so both holds are seen at once then.
        CountDownLatch secondCallMade = new CountDownLatch(1);
        List<Long> heldAtCall = new CopyOnWriteArrayList<>();
        graph.onCall = () -> {
            heldAtCall.add(budget.heldBytes());
            if (heldAtCall.size() == 2) {
                secondCallMade.countDown();
            }
        };
        store.onWrite = () -> {
            try {
                secondCallMade.await(30, TimeUnit.SECONDS); // bounds a broken run only; no time is asserted
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };

        SyncResult r = sync();

        assertTrue(r.succeeded(), r.error());
        long firstSize = BatchBytes.of(first);
        assertEquals(List.of(BatchBytes.guess(GraphGateway.MAX_LIMIT, SyncTuning.DEFAULT.nestedMessages()),
                        firstSize + firstSize), heldAtCall,
                "before the first call: the first guess for a full page; before the second: the first answer at "
                        + "its parsed size (still being written) and as much again expected for the second");
        assertSame(budget, service.budget(), "the budget given is the one the service's Pages share");
        assertNothingHeld();
    }

    @Test
    void aListingCallThatFailsGivesItsHoldBack() {
        graph.failList(Folder.INBOX, () -> new GraphException(GraphException.Kind.TRANSIENT, "Facebook is down."));
        SyncResult r = sync();
        assertEquals(SyncResult.Status.FAILED, r.status());
        assertEquals("Facebook is down.", r.error());
        assertNothingHeld();
    }

    @Test
    void anIncrementalPageWithNothingNewGivesItsHoldBack() {
        store.page = new PageState(PAGE, "Shop", T, List.of(Folder.INBOX), 1);
        graph.list(Folder.INBOX, page(cursor("inbox-2"),
                fetched(conversation("t_old", Folder.INBOX, T.minusSeconds(3600), 1), null,
                        message("t_old", "m_old", T.minusSeconds(3600)))));
        SyncResult r = sync();
        assertTrue(r.succeeded(), r.error());
        assertEquals(1, graph.asked.size(), "below the watermark at once: one call");
        assertTrue(store.conversations.isEmpty(), "nothing new was written");
        assertNothingHeld();
    }

    @Test
    void aStoreThatCannotSayWhatItHoldsFailsThePassAndItsHoldIsGivenBack() {
        store.failStoredHistories = () -> new IllegalStateException("The database went away.");
        graph.list(Folder.INBOX, page(null,
                fetched(conversation("t_1", Folder.INBOX, T, 1), null, message("t_1", "m_1", T))));
        SyncResult r = sync();
        assertEquals(SyncResult.Status.FAILED, r.status());
        assertEquals("The database went away.", r.error());
        assertTrue(store.conversations.isEmpty());
        assertNothingHeld();
    }
}
