package app.inboxsync.sync;

import static app.inboxsync.sync.ScriptedGraph.ACCESS;
import static app.inboxsync.sync.ScriptedGraph.PAGE;
import static app.inboxsync.sync.ScriptedGraph.bare;
import static app.inboxsync.sync.ScriptedGraph.conversation;
import static app.inboxsync.sync.ScriptedGraph.cursor;
import static app.inboxsync.sync.ScriptedGraph.fetched;
import static app.inboxsync.sync.ScriptedGraph.message;
import static app.inboxsync.sync.ScriptedGraph.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PagePass.plan's cases, each from the history state it depends on (in-memory store, scripted Graph): what the
 * listing writes as the thread's state and what the history phase is left to fetch.
 */
class PagePassPlanTest {
    private static final Instant T = Instant.parse("2026-02-01T10:00:00Z");

    private final ScriptedGraph graph = new ScriptedGraph();
    private final MemoryStore store = new MemoryStore(new PageState(PAGE, "Shop", null, List.of(Folder.INBOX), 0));
    private final List<SyncEvent> events = new ArrayList<>();

    private SyncResult sync(boolean full) {
        if (!full) {
            store.page = new PageState(PAGE, "Shop", T.minusSeconds(3600), List.of(Folder.INBOX), 0);
        }
        SyncResult r = new SyncService(graph, store).sync(new SyncRequest(ACCESS, null, full), events::add,
                new CancelSignal());
        assertTrue(r.succeeded(), r.error());
        return r;
    }

    private void stored(String id, HistoryMark mark, Message... ms) {
        store.writeBatch(PAGE, List.of(conversation(id, Folder.INBOX, T.minusSeconds(7200), 5)), List.of(ms),
                List.of(mark));
    }

    private static Message m(String conversation, int minutesAgo) {
        return message(conversation, conversation + "_m" + minutesAgo, T.minusSeconds(60L * minutesAgo));
    }

    private List<SyncEvent.History> history() {
        return events.stream().filter(SyncEvent.History.class::isInstance).map(SyncEvent.History.class::cast).toList();
    }

    @Test
    void aNestedPageOfOnlyIdsEndsTheThreadWithheldEvenWithAFurtherPage() {
        graph.list(Folder.INBOX, page(null, fetched(conversation("t_1", Folder.INBOX, T, 300), cursor("more"),
                bare("t_1", "b1", T), bare("t_1", "b2", T.minusSeconds(1)))));
        sync(true);
        assertTrue(graph.messagesAsked.isEmpty(), "older pages would be ids only too: not fetched");
        assertEquals(HistoryMark.withoutDetails("t_1", 2), store.history.get("t_1"));
        assertTrue(events.stream().anyMatch(e -> e instanceof SyncEvent.Notice n
                && n.message().startsWith("Facebook keeps the older messages of 1 conversation out of reach.")));
    }

    @Test
    void aNestedPageWithSomeIdsAndAFurtherPageIsWalkedOn() {
        graph.list(Folder.INBOX, page(null, fetched(conversation("t_1", Folder.INBOX, T, 3), cursor("more"),
                m("t_1", 0), bare("t_1", "b1", T.minusSeconds(120)))));
        graph.history("t_1", new MessageBatch(List.of(m("t_1", 5)), null, 1));
        sync(true);
        assertEquals(List.of("t_1"), graph.messagesAsked);
        assertEquals(HistoryMark.withoutDetails("t_1", 1), store.history.get("t_1"), "the listing's id counted");
    }

    @Test
    void aGraphWithoutMessageCountsGuessesOneMorePage() {
        graph.list(Folder.INBOX, page(null, fetched(conversation("t_1", Folder.INBOX, T, null), cursor("more"),
                m("t_1", 0), m("t_1", 1))));
        graph.history("t_1", new MessageBatch(List.of(m("t_1", 5)), null, 1));
        sync(true);
        assertEquals(1, history().get(0).pagesLeft());
        assertEquals(HistoryMark.complete("t_1"), store.history.get("t_1"));
    }

    @Test
    void graphsCountGivesThePagesToGo() {
        graph.list(Folder.INBOX, page(null, fetched(conversation("t_1", Folder.INBOX, T, 201), cursor("more"),
                m("t_1", 0), m("t_1", 1))));
        graph.history("t_1", new MessageBatch(List.of(m("t_1", 5)), null, 1));
        sync(true);
        assertEquals(2, history().get(0).pagesLeft(), "199 left: 2 pages of 100");
    }

    @Test
    void aFullPassAsksAWithheldThreadAgainFromTheNestedPage() {
        stored("t_1", HistoryMark.withheld("t_1", "gone", 100), m("t_1", 60));
        graph.list(Folder.INBOX, page(null, fetched(conversation("t_1", Folder.INBOX, T, 5), cursor("more"),
                m("t_1", 0), m("t_1", 60))));
        graph.history("t_1", new MessageBatch(List.of(m("t_1", 70)), null, 1));
        sync(true);
        assertEquals(List.of(cursor("more")), graph.cursorsAsked);
        assertEquals(HistoryMark.complete("t_1"), store.history.get("t_1"), "the refusal has passed");
    }

    @Test
    void anIncrementalPassLeavesAWithheldThreadWhoseNewMessagesReachTheStoredOnes() {
        stored("t_1", HistoryMark.withheld("t_1", "gone", 100), m("t_1", 60));
        graph.list(Folder.INBOX, page(null, fetched(conversation("t_1", Folder.INBOX, T, 5), cursor("more"),
                m("t_1", 0), m("t_1", 60), m("t_1", 61))));
        sync(false);
        assertTrue(graph.messagesAsked.isEmpty());
        assertEquals(HistoryMark.withheld("t_1", "gone", 100), store.history.get("t_1"));
        assertTrue(store.messages.containsKey("t_1_m0"));
    }

    @Test
    void anIncrementalPassFillsAWithheldThreadsGapAndKeepsItWithheld() {
        stored("t_1", HistoryMark.withheld("t_1", "gone", 100), m("t_1", 60));
        graph.list(Folder.INBOX, page(null, fetched(conversation("t_1", Folder.INBOX, T, 5), cursor("more"),
                m("t_1", 0), m("t_1", 1))));
        graph.history("t_1", new MessageBatch(List.of(m("t_1", 2), m("t_1", 60), m("t_1", 61)), cursor("older"), 1));
        sync(false);
        assertEquals(List.of(cursor("more")), graph.cursorsAsked, "stops at the stored ones");
        assertEquals(HistoryMark.withheld("t_1", "gone", 100), store.history.get("t_1"));
        assertTrue(store.messages.containsKey("t_1_m2"));
    }

    @Test
    void aCompleteThreadWhoseNewMessagesHaveIdsOnlyBecomesWithheld() {
        stored("t_1", HistoryMark.complete("t_1"), m("t_1", 60));
        graph.list(Folder.INBOX, page(null, fetched(conversation("t_1", Folder.INBOX, T, 5), cursor("more"),
                bare("t_1", "b0", T), m("t_1", 60), m("t_1", 61))));
        sync(false);
        assertTrue(graph.messagesAsked.isEmpty());
        assertEquals(HistoryMark.withoutDetails("t_1", 1), store.history.get("t_1"));
        assertTrue(events.stream().anyMatch(e -> e instanceof SyncEvent.Notice n
                && n.message().contains("older messages of 1 conversation")));
    }

    @Test
    void aCompleteThreadWhoseNewMessagesReachTheStoredOnesStaysComplete() {
        stored("t_1", HistoryMark.complete("t_1"), m("t_1", 60));
        graph.list(Folder.INBOX, page(null, fetched(conversation("t_1", Folder.INBOX, T, 5), cursor("more"),
                m("t_1", 0), m("t_1", 60), m("t_1", 61))));
        sync(false);
        assertTrue(graph.messagesAsked.isEmpty());
        assertEquals(HistoryMark.complete("t_1"), store.history.get("t_1"));
        assertTrue(events.stream().noneMatch(e -> e instanceof SyncEvent.Notice), events.toString());
    }

    @Test
    void aWithheldThreadWithIdOnlyNewMessagesKeepsItsOwnReason() {
        stored("t_1", HistoryMark.withheld("t_1", "gone", 100), m("t_1", 60));
        graph.list(Folder.INBOX, page(null, fetched(conversation("t_1", Folder.INBOX, T, 5), cursor("more"),
                bare("t_1", "b0", T), m("t_1", 60), m("t_1", 61))));
        sync(false);
        assertEquals(HistoryMark.withheld("t_1", "gone", 100), store.history.get("t_1"));
    }

    @Test
    void aCompleteThreadWithMoreNewMessagesThanTheNestedPageGetsItsGapFilledAndStaysComplete() {
        stored("t_1", HistoryMark.complete("t_1"), m("t_1", 60));
        graph.list(Folder.INBOX, page(null, fetched(conversation("t_1", Folder.INBOX, T, 5), cursor("more"),
                m("t_1", 0), m("t_1", 1))));
        graph.history("t_1", new MessageBatch(List.of(m("t_1", 2), m("t_1", 61)), cursor("older"), 1));
        sync(false);
        assertEquals(List.of("t_1"), graph.messagesAsked);
        assertEquals(HistoryMark.complete("t_1"), store.history.get("t_1"));
    }

    @Test
    void twoThreadsWithheldAreCountedInTheNotice() {
        graph.list(Folder.INBOX, page(null,
                fetched(conversation("t_1", Folder.INBOX, T, 300), cursor("a"), bare("t_1", "b1", T)),
                fetched(conversation("t_2", Folder.INBOX, T.minusSeconds(5), 300), cursor("b"), bare("t_2", "b2", T))));
        sync(true);
        assertTrue(events.stream().anyMatch(e -> e instanceof SyncEvent.Notice n
                && n.message().equals("Facebook keeps the older messages of 2 conversations out of reach. What it gave "
                + "is stored; pages list counts them as withheld.")), events.toString());
    }

    @Test
    void anIncrementalPassWritesOnlyTheNestedMessagesNotOlderThanTheNewestStoredAndAFullOneAllOfThem() {
        stored("t_1", HistoryMark.complete("t_1"), m("t_1", 60), m("t_1", 61));
        graph.list(Folder.INBOX, page(null, fetched(conversation("t_1", Folder.INBOX, T, 5), cursor("more"),
                m("t_1", 0), m("t_1", 60), m("t_1", 61))));
        SyncResult r = sync(false);
        assertEquals(1, r.counts().messagesInserted());
        assertEquals(1, r.counts().messagesUpdated(), "the newest stored one is written again, the older not");

        graph.list(Folder.INBOX, page(null, fetched(conversation("t_1", Folder.INBOX, T, 5), null,
                m("t_1", 0), m("t_1", 60), m("t_1", 61))));
        store.page = new PageState(PAGE, "Shop", null, List.of(Folder.INBOX), 0);
        SyncResult full = sync(true);
        assertEquals(3, full.counts().messagesUpdated(), "a full pass rewrites the nested page");
    }

    @Test
    void anIncrementalPassStopsAtTheWatermarkLessTheOverlapAndDoublesItsPage() {
        Instant watermark = T.minusSeconds(3600);
        Instant cutoff = watermark.minus(SyncTuning.DEFAULT.overlap());
        graph.list(Folder.INBOX, page(cursor("l2"), fetched(conversation("t_1", Folder.INBOX, T, 1), null, m("t_1", 0))));
        graph.list(Folder.INBOX, page(cursor("l3"), fetched(conversation("t_2", Folder.INBOX, T.minusSeconds(60), 1), null,
                m("t_2", 1))));
        graph.list(Folder.INBOX, page(cursor("l4"),
                fetched(conversation("t_3", Folder.INBOX, cutoff, 1), null, m("t_3", 65)),
                fetched(conversation("t_4", Folder.INBOX, cutoff.minusSeconds(1), 1), null, m("t_4", 66))));
        SyncResult r = sync(false);
        assertEquals(List.of(25, 50, 100), graph.asked.stream().map(ScriptedGraph.Asked::limit).toList(),
                "no page asked past the watermark");
        assertEquals(3, r.conversationsSeen(), "t_3 at the cutoff is in, t_4 before it is not");
        assertTrue(store.conversations.containsKey("t_3"));
        assertTrue(!store.conversations.containsKey("t_4"));
    }

    @Test
    void aListingOutOfOrderMakesAnIncrementalPassReadTheFolderToItsEnd() {
        Instant old = T.minusSeconds(86_400);
        graph.list(Folder.INBOX, page(cursor("l2"),
                fetched(conversation("t_1", Folder.INBOX, old, 1), null, m("t_1", 1440)),
                fetched(conversation("t_2", Folder.INBOX, T, 1), null, m("t_2", 0))));
        graph.list(Folder.INBOX, page(null, fetched(conversation("t_3", Folder.INBOX, old.minusSeconds(60), 1), null,
                m("t_3", 1500))));
        SyncResult r = sync(false);
        assertEquals(2, graph.asked.size(), "read on past the watermark");
        assertEquals(2, r.conversationsSeen(), "t_1, older than the watermark, was passed before the order broke");
        assertTrue(store.conversations.containsKey("t_3"));
        assertTrue(events.stream().anyMatch(e -> e instanceof SyncEvent.Notice n && n.message().equals(
                "Facebook returned inbox out of order; reading this folder to its end to be sure nothing is missed.")),
                events.toString());
    }

    @Test
    void aListingInOrderSaysNothing() {
        graph.list(Folder.INBOX, page(null,
                fetched(conversation("t_1", Folder.INBOX, T, 1), null, m("t_1", 0)),
                fetched(conversation("t_2", Folder.INBOX, T, 1), null, m("t_2", 0))));
        sync(false);
        assertTrue(events.stream().noneMatch(e -> e instanceof SyncEvent.Notice), events.toString());
    }

    @Test
    void eachWrittenListingPageReportsProgressAndItsBatch() {
        graph.list(Folder.INBOX, page(cursor("l2"), fetched(conversation("t_1", Folder.INBOX, T, 1), null, m("t_1", 0)),
                fetched(conversation("t_2", Folder.INBOX, T, 1), null, m("t_2", 0))));
        graph.list(Folder.INBOX, page(null, fetched(conversation("t_3", Folder.INBOX, T, 1), null, m("t_3", 0))));
        sync(true);
        List<SyncEvent.BatchCompleted> batches = events.stream().filter(SyncEvent.BatchCompleted.class::isInstance)
                .map(SyncEvent.BatchCompleted.class::cast).toList();
        assertEquals(List.of(new SyncEvent.BatchCompleted(PAGE, 1, 2, 2), new SyncEvent.BatchCompleted(PAGE, 2, 1, 3)),
                batches);
        List<SyncEvent.Progress> progress = events.stream().filter(SyncEvent.Progress.class::isInstance)
                .map(SyncEvent.Progress.class::cast).toList();
        assertEquals(List.of(2, 3), progress.stream().map(SyncEvent.Progress::conversationsSeen).toList());
        assertEquals(3, progress.get(1).counts().conversationsInserted());
    }

    @Test
    void theListingTimeIncludesItsLastWrite() {
        java.util.concurrent.atomic.AtomicLong clockSeconds = new java.util.concurrent.atomic.AtomicLong();
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return T.plusSeconds(clockSeconds.get());
            }
        };
        graph.onCall = () -> clockSeconds.addAndGet(10);
        store.onWrite = () -> clockSeconds.addAndGet(5);
        store.writeMillis = 300;
        graph.list(Folder.INBOX, page(null, fetched(conversation("t_1", Folder.INBOX, T, 1), null, m("t_1", 0))));
        SyncResult r = new SyncService(graph, store, SyncTuning.DEFAULT, clock).sync(new SyncRequest(ACCESS, null, true),
                events::add, new CancelSignal());
        assertTrue(r.succeeded(), r.error());
        SyncEvent.Completed done = events.stream().filter(SyncEvent.Completed.class::isInstance)
                .map(SyncEvent.Completed.class::cast).findFirst().orElseThrow();
        assertEquals(java.time.Duration.ofSeconds(15), done.listingElapsed(), "one call and its write");
    }

    @Test
    void aFailedLastHistoryWriteFailsTheSync() {
        graph.list(Folder.INBOX, page(null, fetched(conversation("t_1", Folder.INBOX, T, 3), cursor("more"),
                m("t_1", 0))));
        graph.history("t_1", new MessageBatch(List.of(m("t_1", 5)), null, 1));
        store.writesThatSucceed = 1;
        SyncResult r = new SyncService(graph, store).sync(new SyncRequest(ACCESS, null, true), events::add,
                new CancelSignal());
        assertEquals(SyncResult.Status.FAILED, r.status());
        assertEquals("The database refused the write.", r.error());
        assertTrue(store.finished.get(0).outcome().newWatermark() == null, "the watermark stays");
    }

    @Test
    void thePermissionProbeAsksTheFirstFolderThePassRead() {
        store.page = new PageState(PAGE, "Shop", null, List.of(Folder.OTHER, Folder.INBOX), 0);
        graph.list(Folder.OTHER, page(null, fetched(conversation("t_1", Folder.OTHER, T, 3), cursor("more"),
                m("t_1", 0))));
        graph.failHistory("t_1", () -> new GraphException(GraphException.Kind.PERMISSION, "No access", 10, 0, null,
                null));
        SyncResult r = new SyncService(graph, store).sync(new SyncRequest(ACCESS, null, true), events::add,
                new CancelSignal());
        assertTrue(r.succeeded(), r.error());
        ScriptedGraph.Asked probe = graph.asked.get(graph.asked.size() - 1);
        assertEquals(new ScriptedGraph.Asked(Folder.OTHER, 1, 0, null), probe);
    }

    @Test
    void anEmptyNestedPageWithAFurtherPageIsWalkedOn() {
        graph.list(Folder.INBOX, page(null, fetched(conversation("t_1", Folder.INBOX, T, 3), cursor("more"))));
        graph.history("t_1", new MessageBatch(List.of(m("t_1", 5)), null, 1));
        sync(true);
        assertEquals(List.of(cursor("more")), graph.cursorsAsked);
        assertEquals(HistoryMark.complete("t_1"), store.history.get("t_1"));
    }
}
