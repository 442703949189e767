package app.inboxsync.sync;

import static app.inboxsync.sync.ScriptedGraph.ACCESS;
import static app.inboxsync.sync.ScriptedGraph.PAGE;
import static app.inboxsync.sync.ScriptedGraph.bare;
import static app.inboxsync.sync.ScriptedGraph.conversation;
import static app.inboxsync.sync.ScriptedGraph.cursor;
import static app.inboxsync.sync.ScriptedGraph.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The history phase on its own (scripted Graph, in-memory store): which threads it walks and how far, the state each
 * ends in, which refusals withhold one thread and which fail the Page, the progress it reports, and that a stop
 * keeps what was fetched.
 */
class HistoryPhaseTest {
    private static final Instant T = Instant.parse("2026-02-01T10:00:00Z");

    private final ScriptedGraph graph = new ScriptedGraph();
    private final MemoryStore store = new MemoryStore(new PageState(PAGE, "Shop", null, Folder.ALL, 0));
    private final List<SyncEvent> events = new ArrayList<>();
    private final PassTally tally = new PassTally();
    private final Set<String> withheld = new HashSet<>();
    private final CancelSignal cancel = new CancelSignal();
    private final BackgroundWriter writer = new BackgroundWriter(store, PAGE);
    private final BatchBudget budget = new BatchBudget(64L << 20);

    @AfterEach
    void close() {
        writer.close();
        assertEquals(0, budget.heldBytes(), "every page fetched gave its budget back, written or not");
    }

    private void run(HistoryPhase.Job... jobs) {
        new HistoryPhase(graph, store, ACCESS, events::add, cancel, tally, writer, withheld, budget)
                .run(List.of(jobs), Folder.INBOX);
        writer.awaitWrites();
    }

    private void stored(String id, Integer count, HistoryMark mark, Message... ms) {
        store.writeBatch(PAGE, List.of(conversation(id, Folder.INBOX, T, count)), List.of(ms), List.of(mark));
    }

    private static MessageBatch batch(Cursor next, Message... ms) {
        return new MessageBatch(List.of(ms), next, 1);
    }

    private static Message m(String conversation, int minutesAgo) {
        return message(conversation, conversation + "_m" + minutesAgo, T.minusSeconds(60L * minutesAgo));
    }

    private List<SyncEvent.History> history() {
        return events.stream().filter(SyncEvent.History.class::isInstance).map(SyncEvent.History.class::cast).toList();
    }

    private static GraphException refused(GraphException.Kind kind, int code, String said) {
        return new GraphException(kind, "Facebook refused this (Facebook said: \"" + said + "\" (code " + code + "))",
                code, 0, null, null);
    }

    @Test
    void nothingToWalkAsksNothingAndSaysNothing() {
        run();
        assertTrue(graph.messagesAsked.isEmpty());
        assertTrue(events.isEmpty());
    }

    @Test
    void aThreadListedTwiceIsWalkedOnceAndPendingOnesFromEarlierPassesAfterTheListedOnes() {
        stored("t_old", 250, HistoryMark.pending("t_old"), m("t_old", 500));
        stored("t_1", 3, HistoryMark.pending("t_1"), m("t_1", 1));
        graph.history("t_1", batch(null, m("t_1", 2)));
        graph.history("t_old", batch(null, m("t_old", 600)));
        HistoryPhase.Job job = HistoryPhase.Job.rest("t_1", cursor("t_1-2"), 150, 0);
        run(job, job);

        assertEquals(List.of("t_1", "t_old"), graph.messagesAsked);
        assertEquals(Arrays.asList(cursor("t_1-2"), null), graph.cursorsAsked, "a pending one from its newest");
        // 150 messages left = 2 pages; 250 reported = 3 pages
        assertEquals(new SyncEvent.History(PAGE, 2, 0, 5, 0), history().get(0));
        assertEquals(0, history().get(history().size() - 1).conversationsLeft());
        assertEquals(HistoryState.COMPLETE, store.history.get("t_1").state());
        assertEquals(HistoryState.COMPLETE, store.history.get("t_old").state());
        assertEquals(2, tally.apiCalls());
        assertEquals(2, tally.counts().messagesInserted());
    }

    @Test
    void aThreadIsWalkedPageByPageToItsEndWithItsProgress() {
        stored("t_1", 300, HistoryMark.pending("t_1"), m("t_1", 1));
        graph.history("t_1", batch(cursor("p3"), m("t_1", 2)));
        graph.history("t_1", batch(cursor("p4"), m("t_1", 3)));
        graph.history("t_1", batch(null, m("t_1", 4)));
        run(HistoryPhase.Job.rest("t_1", cursor("p2"), 200, 0));

        assertEquals(List.of(cursor("p2"), cursor("p3"), cursor("p4")), graph.cursorsAsked);
        assertEquals(HistoryState.COMPLETE, store.history.get("t_1").state());
        List<SyncEvent.History> h = history();
        assertEquals(new SyncEvent.History(PAGE, 1, 0, 2, 0), h.get(0));
        // after each written page: threads left, pages done, pages left (at least one while not at the end)
        // pages fetched while the writer was busy are written together, reporting the last one's progress
        assertEquals(new SyncEvent.History(PAGE, 0, 3, 0, 3), h.get(h.size() - 1));
        for (SyncEvent.History between : h.subList(1, h.size() - 1)) {
            assertEquals(1, between.conversationsLeft());
            assertEquals(1, between.pagesLeft());
        }
        assertEquals(1, h.get(1).pagesDone(), "the first page goes to an idle writer at once");
        assertEquals(4, store.messages.size());
    }

    @Test
    void aGapStopsAtTheNewestStoredMessageAndRestoresTheStateItHad() {
        stored("t_1", 10, HistoryMark.withheld("t_1", "gone", 100), m("t_1", 30));
        Instant newestStored = T.minusSeconds(60 * 30);
        graph.history("t_1", batch(cursor("more"), m("t_1", 5), m("t_1", 30), m("t_1", 31)));
        run(HistoryPhase.Job.gap("t_1", cursor("p2"), newestStored,
                HistoryMark.withheld("t_1", "gone", 100), 0));

        assertEquals(1, graph.messagesAsked.size(), "reached the stored messages: no further page");
        assertTrue(store.messages.containsKey("t_1_m5"));
        assertTrue(!store.messages.containsKey("t_1_m31"), "older than the newest stored: not written again");
        assertEquals(HistoryMark.withheld("t_1", "gone", 100), store.history.get("t_1"));
        assertTrue(withheld.isEmpty(), "a gap's restored state is not this pass's withholding");
    }

    @Test
    void aPageOfOnlyIdsEndsTheWalkWithheldCountingTheListingsToo() {
        stored("t_1", 300, HistoryMark.pending("t_1"), m("t_1", 1));
        graph.history("t_1", batch(cursor("more"), bare("t_1", "b1", T.minusSeconds(600)),
                bare("t_1", "b2", T.minusSeconds(700))));
        run(HistoryPhase.Job.rest("t_1", cursor("p2"), 200, 1));

        assertEquals(1, graph.messagesAsked.size());
        assertEquals(HistoryMark.withoutDetails("t_1", 3), store.history.get("t_1"));
        assertEquals(Set.of("t_1"), withheld);
    }

    @Test
    void aFewIdOnlyMessagesInACompletedWalkWithholdItAndNoneCompleteIt() {
        stored("t_1", 3, HistoryMark.pending("t_1"), m("t_1", 1));
        stored("t_2", 3, HistoryMark.pending("t_2"), m("t_2", 1));
        graph.history("t_1", batch(null, m("t_1", 2), bare("t_1", "b1", T.minusSeconds(600))));
        graph.history("t_2", batch(null, m("t_2", 2)));
        run(HistoryPhase.Job.rest("t_1", cursor("a"), 2, 0), HistoryPhase.Job.rest("t_2", cursor("b"), 2, 0));

        assertEquals(HistoryMark.withoutDetails("t_1", 1), store.history.get("t_1"));
        assertEquals(HistoryMark.complete("t_2"), store.history.get("t_2"));
        assertEquals(Set.of("t_1"), withheld);
    }

    @Test
    void aGapWithIdOnlyMessagesRestoresAWithheldStateAsItWas() {
        stored("t_1", 10, HistoryMark.withheld("t_1", "gone", 100), m("t_1", 30));
        graph.history("t_1", batch(null, bare("t_1", "b1", T.minusSeconds(60)), m("t_1", 2)));
        run(HistoryPhase.Job.gap("t_1", cursor("p2"), T.minusSeconds(60 * 30),
                HistoryMark.withheld("t_1", "gone", 100), 0));
        assertEquals(HistoryMark.withheld("t_1", "gone", 100), store.history.get("t_1"));
    }

    @Test
    void anEmptyLastPageCompletesTheThread() {
        stored("t_1", 3, HistoryMark.pending("t_1"), m("t_1", 1));
        graph.history("t_1", batch(null));
        run(HistoryPhase.Job.rest("t_1", cursor("a"), 2, 0));
        assertEquals(HistoryMark.complete("t_1"), store.history.get("t_1"));
    }

    @Test
    void codeOneHundredOnAThreadWithholdsItWithFacebooksWordsAndTheOthersGoOn() {
        stored("t_1", 3, HistoryMark.pending("t_1"), m("t_1", 1));
        stored("t_2", 3, HistoryMark.pending("t_2"), m("t_2", 1));
        graph.failHistory("t_1", () -> refused(GraphException.Kind.INVALID_REQUEST, 100, "Unsupported get request"));
        graph.history("t_2", batch(null, m("t_2", 2)));
        run(HistoryPhase.Job.rest("t_1", cursor("a"), 2, 0), HistoryPhase.Job.rest("t_2", cursor("b"), 2, 0));

        assertEquals(HistoryMark.withheld("t_1", "Unsupported get request", 100), store.history.get("t_1"));
        assertEquals(HistoryMark.complete("t_2"), store.history.get("t_2"));
        assertEquals(Set.of("t_1"), withheld);
        assertEquals(2, tally.apiCalls(), "the refused call counts");
        assertTrue(graph.asked.isEmpty(), "code 100 needs no probe");
    }

    @Test
    void anotherInvalidRequestFailsThePage() {
        stored("t_1", 3, HistoryMark.pending("t_1"), m("t_1", 1));
        graph.failHistory("t_1", () -> refused(GraphException.Kind.INVALID_REQUEST, 2500, "bad"));
        GraphException e = assertThrows(GraphException.class, () -> run(HistoryPhase.Job.rest("t_1", cursor("a"), 2, 0)));
        assertEquals(2500, e.code());
        assertTrue(withheld.isEmpty());
    }

    @Test
    void aTransientFailureFailsThePageAndKeepsThePagesFetchedBefore() {
        stored("t_1", 300, HistoryMark.pending("t_1"), m("t_1", 1));
        graph.history("t_1", batch(cursor("p3"), m("t_1", 2)));
        graph.failHistory("t_1", () -> new GraphException(GraphException.Kind.TRANSIENT, "down"));
        assertThrows(GraphException.class, () -> run(HistoryPhase.Job.rest("t_1", cursor("p2"), 200, 0)));
        writer.awaitWrites();
        assertTrue(store.messages.containsKey("t_1_m2"), "the page fetched before the failure is written");
        assertEquals(HistoryState.PENDING, store.history.get("t_1").state());
    }

    @Test
    void aFailedWriteWhileStoppingIsKeptBesideTheFailure() {
        stored("t_1", 300, HistoryMark.pending("t_1"), m("t_1", 1));
        store.failWrite = () -> new IllegalStateException("disk full");
        graph.history("t_1", batch(cursor("p3"), m("t_1", 2)));
        graph.failHistory("t_1", () -> new GraphException(GraphException.Kind.TRANSIENT, "down"));
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> new HistoryPhase(graph, store, ACCESS, events::add, cancel, tally, writer, withheld, budget)
                        .run(List.of(HistoryPhase.Job.rest("t_1", cursor("p2"), 200, 0)), Folder.INBOX));
        // either the write's failure surfaced at the next page's hand-over, or the Graph failure carries it
        assertTrue(e.getMessage().equals("disk full") || (e instanceof GraphException
                && Arrays.stream(e.getSuppressed()).anyMatch(s -> "disk full".equals(s.getMessage()))), e.toString());
    }

    @Test
    void aPermissionRefusalProbesThePageOnceAndWithholdsTheThreadWhenThePageStillAnswers() {
        for (int i = 1; i <= 12; i++) {
            stored("t_" + i, 3, HistoryMark.pending("t_" + i), m("t_" + i, 1));
            graph.failHistory("t_" + i, () -> refused(GraphException.Kind.PERMISSION, 10, "No access to this thread"));
        }
        List<HistoryPhase.Job> jobs = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            jobs.add(HistoryPhase.Job.rest("t_" + i, cursor("c" + i), 2, 0));
        }
        run(jobs.toArray(HistoryPhase.Job[]::new));

        assertEquals(12, withheld.size());
        assertEquals(HistoryMark.withheld("t_1", "No access to this thread", 10), store.history.get("t_1"));
        // the 1st and the 11th refusal in a row ask the folder's first conversation again
        assertEquals(List.of(new ScriptedGraph.Asked(Folder.INBOX, 1, 0, null),
                new ScriptedGraph.Asked(Folder.INBOX, 1, 0, null)), graph.asked);
        assertEquals(12 + 2, tally.apiCalls());
    }

    @Test
    void anAnsweredThreadStartsTheCountOfPermissionRefusalsAgain() {
        stored("t_1", 3, HistoryMark.pending("t_1"), m("t_1", 1));
        stored("t_2", 3, HistoryMark.pending("t_2"), m("t_2", 1));
        stored("t_3", 3, HistoryMark.pending("t_3"), m("t_3", 1));
        graph.failHistory("t_1", () -> refused(GraphException.Kind.PERMISSION, 10, "no"));
        graph.history("t_2", batch(null, m("t_2", 2)));
        graph.failHistory("t_3", () -> refused(GraphException.Kind.PERMISSION, 10, "no"));
        run(HistoryPhase.Job.rest("t_1", cursor("a"), 2, 0), HistoryPhase.Job.rest("t_2", cursor("b"), 2, 0),
                HistoryPhase.Job.rest("t_3", cursor("c"), 2, 0));
        assertEquals(2, graph.asked.size(), "after an answer the next refusal probes again");
    }

    @Test
    void aPermissionRefusalThePageSharesFailsThePageWithTheThreadsRefusal() {
        stored("t_1", 3, HistoryMark.pending("t_1"), m("t_1", 1));
        GraphException threads = refused(GraphException.Kind.PERMISSION, 10, "no");
        graph.failHistory("t_1", () -> threads);
        graph.failList(Folder.INBOX, () -> refused(GraphException.Kind.PERMISSION, 200, "lost it"));
        GraphException e = assertThrows(GraphException.class, () -> run(HistoryPhase.Job.rest("t_1", cursor("a"), 2, 0)));
        assertSame(threads, e);
        assertTrue(withheld.isEmpty());
    }

    @Test
    void aProbeThatFailsOtherwiseFailsThePageWithThatFailure() {
        stored("t_1", 3, HistoryMark.pending("t_1"), m("t_1", 1));
        graph.failHistory("t_1", () -> refused(GraphException.Kind.PERMISSION, 10, "no"));
        GraphException down = new GraphException(GraphException.Kind.TRANSIENT, "down");
        graph.failList(Folder.INBOX, () -> down);
        GraphException e = assertThrows(GraphException.class, () -> run(HistoryPhase.Job.rest("t_1", cursor("a"), 2, 0)));
        assertSame(down, e);
    }

    @Test
    void aRefusalAfterACancelIsNotAWithholding() {
        stored("t_1", 3, HistoryMark.pending("t_1"), m("t_1", 1));
        graph.failHistory("t_1", () -> {
            cancel.cancel();
            return refused(GraphException.Kind.INVALID_REQUEST, 100, "whatever");
        });
        assertThrows(GraphException.class, () -> run(HistoryPhase.Job.rest("t_1", cursor("a"), 2, 0)));
        assertTrue(withheld.isEmpty());
        assertEquals(HistoryState.PENDING, store.history.get("t_1").state());
    }

    @Test
    void facebooksWordsAreTakenFromTheSentenceElseTheWholeSentence() {
        assertEquals("Unsupported get request", HistoryPhase.facebookWords(
                refused(GraphException.Kind.INVALID_REQUEST, 100, "Unsupported get request")));
        assertEquals("Something else", HistoryPhase.facebookWords(
                new GraphException(GraphException.Kind.INVALID_REQUEST, "Something else")));
        assertEquals("", HistoryPhase.facebookWords(new GraphException(GraphException.Kind.INVALID_REQUEST, null)));
    }

    @Test
    void pagesAreEstimatedAHundredMessagesEachAtLeastOne() {
        assertEquals(1, HistoryPhase.Job.rest("a", null, 0, 0).estimatedPages());
        assertEquals(1, HistoryPhase.Job.rest("a", null, 100, 0).estimatedPages());
        assertEquals(2, HistoryPhase.Job.rest("a", null, 101, 0).estimatedPages());
        assertEquals(3, HistoryPhase.Job.again(new InboxStore.PendingHistory("a", 250)).estimatedPages());
        assertEquals(1, HistoryPhase.Job.again(new InboxStore.PendingHistory("a", -5)).estimatedPages());
    }

    private static MessageBatch hundred(String conversation, int pageNo, Cursor next) {
        List<Message> ms = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            ms.add(message(conversation, conversation + "_p" + pageNo + "_" + i, T.minusSeconds(pageNo * 1000L + i)));
        }
        return new MessageBatch(ms, next, 1);
    }

    @Test
    void pagesFetchedWhileTheWriterIsBusyGoTogetherUpToTwoThousandMessagesEachOnce() {
        stored("t_1", 3000, HistoryMark.pending("t_1"), m("t_1", 0));
        store.writeSizes.clear();
        store.marksWritten.clear();
        store.writeMillis = 1_000;
        for (int p = 1; p <= 25; p++) {
            graph.history("t_1", hundred("t_1", p, p == 25 ? null : cursor("p" + (p + 1))));
        }
        run(HistoryPhase.Job.rest("t_1", cursor("p1"), 2500, 0));

        assertEquals(List.of(100, 2000, 400), store.writeSizes, "the first at once, then batches of at most 2000");
        assertEquals(2500, tally.counts().messagesInserted());
        assertEquals(0, tally.counts().messagesUpdated(), "no page written twice");
        assertEquals(List.of(List.of(), List.of(), List.of(HistoryMark.complete("t_1"))), store.marksWritten,
                "the state once, with the last page");
    }

    @Test
    void aStopKeepsThePagesFetchedWhileTheWriterWasBusy() {
        stored("t_1", 3000, HistoryMark.pending("t_1"), m("t_1", 0));
        store.writeMillis = 500;
        graph.history("t_1", hundred("t_1", 1, cursor("p2")));
        graph.history("t_1", hundred("t_1", 2, cursor("p3")));
        graph.failHistory("t_1", () -> new GraphException(GraphException.Kind.TRANSIENT, "down"));
        assertThrows(GraphException.class, () -> run(HistoryPhase.Job.rest("t_1", cursor("p1"), 300, 0)));
        assertEquals(201, store.messages.size(), "both pages written before the failure ends the phase");
    }

    @Test
    void aStopByInterruptWritesWhatCameAndKeepsTheInterrupt() {
        stored("t_1", 3000, HistoryMark.pending("t_1"), m("t_1", 0));
        store.writeMillis = 300;
        graph.history("t_1", hundred("t_1", 1, cursor("p2")));
        graph.history("t_1", hundred("t_1", 2, cursor("p3")));
        graph.failHistory("t_1", () -> {
            Thread.currentThread().interrupt();
            return new GraphException(GraphException.Kind.TRANSIENT, "interrupted");
        });
        assertThrows(GraphException.class, () -> new HistoryPhase(graph, store, ACCESS, events::add, cancel, tally,
                writer, withheld, budget).run(List.of(HistoryPhase.Job.rest("t_1", cursor("p1"), 300, 0)),
                Folder.INBOX));
        boolean interrupted = Thread.interrupted();
        writer.awaitWrites();
        assertTrue(interrupted, "the interrupt is set again for the caller");
        assertEquals(201, store.messages.size(), "the wait for the writes was not cut short by the interrupt");
    }

    @Test
    void aCancelBetweenPagesStopsTheWalk() {
        stored("t_1", 3000, HistoryMark.pending("t_1"), m("t_1", 0));
        graph.history("t_1", batch(cursor("p2"), m("t_1", 1)));
        graph.history("t_1", batch(null, m("t_1", 2)));
        graph.onCall = cancel::cancel;
        assertThrows(CancelSignal.SyncCancelledException.class, () -> run(HistoryPhase.Job.rest("t_1", cursor("p1"), 300, 0)));
        assertEquals(1, graph.messagesAsked.size());
        writer.awaitWrites();
        assertTrue(store.messages.containsKey("t_1_m1"), "the page that came is kept");
        assertEquals(HistoryState.PENDING, store.history.get("t_1").state());
    }

    @Test
    void eachThreadsStateIsWrittenOnceEvenWhenPagesWaitForTheWriter() {
        stored("t_1", 3, HistoryMark.pending("t_1"), m("t_1", 0));
        stored("t_2", 3, HistoryMark.pending("t_2"), m("t_2", 0));
        stored("t_3", 3, HistoryMark.pending("t_3"), m("t_3", 0));
        store.marksWritten.clear();
        store.writeMillis = 400;
        graph.history("t_1", batch(null, m("t_1", 1)));
        graph.history("t_2", batch(null, m("t_2", 1)));
        graph.history("t_3", batch(null, m("t_3", 1)));
        run(HistoryPhase.Job.rest("t_1", cursor("a"), 2, 0), HistoryPhase.Job.rest("t_2", cursor("b"), 2, 0),
                HistoryPhase.Job.rest("t_3", cursor("c"), 2, 0));
        assertEquals(List.of(List.of(HistoryMark.complete("t_1")),
                List.of(HistoryMark.complete("t_2"), HistoryMark.complete("t_3"))), store.marksWritten);
    }

    /** Holds the writer's thread in its write until {@code released} (bounded, for a broken run only; no time is asserted). */
    private void writesWaitFor(CountDownLatch released) {
        store.onWrite = () -> {
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
    }

    @Test
    void aPageIsHeldOnTheBudgetAtItsParsedSizeUntilItsWriteIsDone() {
        stored("t_1", 3, HistoryMark.pending("t_1"), m("t_1", 1));
        MessageBatch only = batch(null, m("t_1", 2), m("t_1", 3));
        graph.history("t_1", only);
        CountDownLatch looked = new CountDownLatch(1);
        writesWaitFor(looked);

        new HistoryPhase(graph, store, ACCESS, events::add, cancel, tally, writer, withheld, budget)
                .run(List.of(HistoryPhase.Job.rest("t_1", cursor("a"), 2, 0)), Folder.INBOX);
        long heldWhileWritten = budget.heldBytes(); // the phase is over; its last page is still being written
        looked.countDown();
        writer.awaitWrites();

        assertEquals(BatchBytes.of(only), heldWhileWritten, "the page as parsed, not the first guess, and not "
                + "given back before it is written");
        assertEquals(3, store.messages.size(), "the one stored before and the two of the page");
    }

    @Test
    void aPageThatBringsNoMessagesGivesItsHoldBackBeforeTheNextIsAsked() {
        stored("t_1", 300, HistoryMark.pending("t_1"), m("t_1", 1));
        MessageBatch empty = batch(cursor("p3"));
        graph.history("t_1", empty);
        graph.history("t_1", batch(null, m("t_1", 2)));
        List<Long> heldAtCall = new ArrayList<>();
        graph.onCall = () -> heldAtCall.add(budget.heldBytes());
        run(HistoryPhase.Job.rest("t_1", cursor("p2"), 200, 0));

        assertEquals(List.of(BatchBytes.guess(1, GraphGateway.MAX_LIMIT), BatchBytes.of(empty)), heldAtCall,
                "first a guess for a full page; then what the empty page took, which it no longer holds");
        assertEquals(HistoryState.COMPLETE, store.history.get("t_1").state());
    }

    @Test
    void anErrorEndingTheWalkGivesBackItsCallsHoldAndThoseOfPagesKeptForABusyWriter() {
        stored("t_1", 300, HistoryMark.pending("t_1"), m("t_1", 1));
        CountDownLatch errorCame = new CountDownLatch(1);
        writesWaitFor(errorCame);
        graph.history("t_1", batch(cursor("p3"), m("t_1", 2))); // to the idle writer, whose write then waits
        graph.history("t_1", batch(cursor("p4"), m("t_1", 3))); // kept: the writer is busy
        graph.histories.get("t_1").add(() -> {
            errorCame.countDown();
            throw new OutOfMemoryError("Java heap space");
        });

        assertThrows(OutOfMemoryError.class,
                () -> new HistoryPhase(graph, store, ACCESS, events::add, cancel, tally, writer, withheld, budget)
                        .run(List.of(HistoryPhase.Job.rest("t_1", cursor("p2"), 200, 0)), Folder.INBOX));
        writer.awaitWrites();
        assertEquals(0, budget.heldBytes(), "neither the failed call nor the page that never reached the writer "
                + "holds anything");
        assertTrue(store.messages.containsKey("t_1_m2"), "the page handed over before is written");
    }

    @Test
    void theWithheldReasonCountsTheMessagesInWords() {
        assertEquals("Facebook gave 1 message of this conversation without their details",
                HistoryMark.withoutDetails("t_1", 1).reason());
        assertEquals("Facebook gave 2 messages of this conversation without their details",
                HistoryMark.withoutDetails("t_1", 2).reason());
    }
}
