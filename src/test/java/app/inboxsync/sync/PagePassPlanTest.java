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
        graph.list(Folder.INBOX, page(null, fetched(conversation("t_1", Folder.INBOX, T, 352), cursor("more"),
                m("t_1", 0), m("t_1", 1))));
        graph.history("t_1", new MessageBatch(List.of(m("t_1", 5)), null, 1));
        sync(true);
        assertEquals(4, history().get(0).pagesLeft(), "350 left: 4 pages of 100");
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
}
