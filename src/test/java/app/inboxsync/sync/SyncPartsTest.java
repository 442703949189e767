package app.inboxsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Message;
import app.inboxsync.domain.PageGrant;
import app.inboxsync.domain.PageListing;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.domain.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The small parts of the engine on their own: no simulator, no database, so they can be exact and quick. */
class SyncPartsTest {
    private static final PageAccess PAGE = new PageAccess("111", Secret.of("SYNC_PARTS_CANARY_7c1"));
    private static final Instant T = Instant.parse("2026-01-10T12:00:00Z");

    @Test
    void waitWordsSayTenthsBelowASecondThenWholeSecondsRoundedUpThenMinutes() {
        assertEquals("0.1 s", WaitWords.of(Duration.ZERO));
        assertEquals("0.3 s", WaitWords.of(Duration.ofMillis(300)));
        assertEquals("0.9 s", WaitWords.of(Duration.ofMillis(949)));
        assertEquals("1 s", WaitWords.of(Duration.ofMillis(950)));
        assertEquals("2 s", WaitWords.of(Duration.ofMillis(1001)));
        assertEquals("59 s", WaitWords.of(Duration.ofSeconds(59)));
        assertEquals("1 min", WaitWords.of(Duration.ofSeconds(60)));
        assertEquals("2 min 5 s", WaitWords.of(Duration.ofSeconds(125)));
    }

    @Test
    void theWatermarkCeilingIsTheAnswerTimePlusFiveMinutesAndCapsOnlyWhatLiesBeyond() {
        Instant ceiling = T.plus(Duration.ofMinutes(5));
        assertEquals(ceiling, WatermarkCeiling.at(T));
        assertFalse(WatermarkCeiling.beyond(null, T));
        assertFalse(WatermarkCeiling.beyond(ceiling, T), "exactly at the ceiling is not beyond it");
        assertTrue(WatermarkCeiling.beyond(ceiling.plusMillis(1), T));
        assertEquals(ceiling, WatermarkCeiling.cap(Instant.parse("9999-12-31T00:00:00Z"), T));
        assertEquals(ceiling, WatermarkCeiling.cap(ceiling, T));
        assertEquals(T.minusSeconds(1), WatermarkCeiling.cap(T.minusSeconds(1), T));
        assertNull(WatermarkCeiling.cap(null, T));
    }

    @Test
    void aPagingTrailFailsOnALinkFollowedTwiceOrAPageOfOnlyKnownIdsWithASentence() {
        PagingTrail trail = new PagingTrail("the inbox conversations of Page 111");
        trail.follow(null);
        trail.follow(null); // the first page has no link: never a repeat
        trail.read(List.of("a", "b"));
        trail.read(List.of()); // an empty page repeats nothing
        trail.read(List.of("b", "c")); // one new id is progress
        Cursor link = Cursor.ofNullable("http://graph/next?after=1");
        trail.follow(link);
        GraphException again = assertThrows(GraphException.class, () -> trail.follow(Cursor.ofNullable("http://graph/next?after=1")));
        assertEquals(GraphException.Kind.MALFORMED, again.kind());
        assertEquals("Facebook's listing of the inbox conversations of Page 111 repeats itself (the link to page 4 "
                + "is one already followed), so Inbox Sync stopped reading it instead of reading the same page "
                + "forever. What was copied is kept; try again later, and if it keeps happening, report it.",
                again.getMessage());
        GraphException same = assertThrows(GraphException.class, () -> trail.read(List.of("a", "c")));
        assertTrue(same.getMessage().contains("(page 4 holds only what earlier pages held)"), same.getMessage());
    }

    @Test
    void aPassTallyAddsCallsBatchesAndMessagesAndKeepsTheNewestUpdate() {
        PassTally tally = new PassTally();
        assertNull(tally.newestUpdate());
        assertEquals(BatchWrite.NONE, tally.counts());
        tally.addCalls(2);
        tally.addCalls(3);
        assertEquals(5, tally.apiCalls());
        tally.sawUpdate(T);
        tally.sawUpdate(T.minusSeconds(10));
        assertEquals(T, tally.newestUpdate(), "an older time does not move it back");
        tally.sawUpdate(T.plusSeconds(1));
        assertEquals(T.plusSeconds(1), tally.newestUpdate());
        assertEquals(1, tally.addBatch(new BatchWrite(1, 2, 3, 4, 5), 6));
        assertEquals(2, tally.addBatch(new BatchWrite(1, 0, 0, 1, 0), 1));
        tally.addMessages(new BatchWrite(0, 0, 0, 10, 1));
        assertEquals(new BatchWrite(2, 2, 3, 15, 6), tally.counts());
        assertEquals(7, tally.conversationsSeen(), "history messages add no conversations");
        assertEquals(4, tally.counts().conversationsTouched());
    }

    @Test
    void aCursorIsItsLinkAndHidesIt() {
        assertNull(Cursor.ofNullable(null));
        assertNull(Cursor.ofNullable(" "));
        Cursor c = Cursor.ofNullable("http://graph/x?access_token=SECRET");
        assertEquals("http://graph/x?access_token=SECRET", c.nextUrl());
        assertEquals(Cursor.ofNullable("http://graph/x?access_token=SECRET"), c);
        assertEquals(Cursor.ofNullable("http://graph/x?access_token=SECRET").hashCode(), c.hashCode());
        assertFalse(c.equals(Cursor.ofNullable("http://graph/y")));
        assertFalse(c.equals("http://graph/x?access_token=SECRET"));
        assertEquals("Cursor[…]", c.toString());
    }

    @Test
    void storedValuesReadBackFromTheirWireNamesAndCoverageCountsTheCompleteOnes() {
        assertEquals(HistoryState.WITHHELD, HistoryState.ofWireName("withheld"));
        assertEquals(RunOutcome.RunStatus.CANCELLED, RunOutcome.RunStatus.parse(" cancelled "));
        assertEquals(5, new Coverage(10, 40, 2, 3).completeHistories(), "neither pending nor withheld");
        assertEquals(0, new Coverage(1, 4, 2, 3).completeHistories(), "counts taken a moment apart never go negative");
        MemoryStore store = new MemoryStore(new PageState("111", "Shop", null, List.of(Folder.INBOX), 0));
        Conversation c = new Conversation("t_1", "111", Folder.INBOX, "9", "Ann", "hi", Instant.EPOCH, 1, 0, true,
                null, null);
        assertEquals(new BatchWrite(1, 0, 0, 0, 0), store.writeBatch("111", List.of(c), List.of()),
                "a batch without history states is written as one with none");
    }

    @Test
    void aCancelSignalRunsItsActionsOnceAndForgetsClosedOnes() throws Exception {
        CancelSignal cancel = new CancelSignal();
        AtomicInteger woken = new AtomicInteger();
        AtomicInteger forgotten = new AtomicInteger();
        cancel.whenCancelled(woken::incrementAndGet);
        cancel.whenCancelled(forgotten::incrementAndGet).close();
        assertEquals(1, cancel.actionsWaiting(), "the closed one is forgotten, the other waits");
        assertFalse(cancel.isCancelled());
        cancel.throwIfCancelled(); // not cancelled: nothing thrown
        cancel.cancel();
        assertEquals(1, woken.get(), "run by the cancel");
        cancel.cancel();
        assertTrue(cancel.isCancelled());
        assertEquals(1, woken.get(), "run once, not per cancel");
        assertEquals(0, forgotten.get());
        AtomicInteger late = new AtomicInteger();
        cancel.whenCancelled(late::incrementAndGet);
        assertEquals(1, late.get(), "registered after the cancel: run at once");
        RuntimeException e = assertThrows(CancelSignal.SyncCancelledException.class, cancel::throwIfCancelled);
        assertEquals("The sync was cancelled. What was written is kept; the next sync carries on from there.", e.getMessage());
    }

    @Test
    void anInterruptedThreadCountsAsCancelled() {
        CancelSignal cancel = new CancelSignal();
        Thread.currentThread().interrupt();
        try {
            assertTrue(cancel.isCancelled());
        } finally {
            Thread.interrupted();
        }
        assertFalse(cancel.isCancelled());
    }

    @Test
    void syncTuningRefusesKnobsOutsideWhatGraphTakes() {
        new SyncTuning(Duration.ZERO, 1, 1);
        new SyncTuning(Duration.ofMinutes(5), 100, 100);
        assertThrows(IllegalArgumentException.class, () -> new SyncTuning(Duration.ofSeconds(-1), 25, 100));
        assertThrows(IllegalArgumentException.class, () -> new SyncTuning(Duration.ZERO, 0, 100));
        assertThrows(IllegalArgumentException.class, () -> new SyncTuning(Duration.ZERO, 101, 100));
        assertThrows(IllegalArgumentException.class, () -> new SyncTuning(Duration.ZERO, 25, 0));
        assertThrows(IllegalArgumentException.class, () -> new SyncTuning(Duration.ZERO, 25, 101));
    }

    @Test
    void aGraphExceptionCountsItsCallsNeverBelowZero() {
        GraphException full = new GraphException(GraphException.Kind.TOKEN_INVALID, "y", 190, 460, "Atrace", null);
        assertEquals(190, full.code());
        assertEquals(460, full.subcode());
        assertEquals("Atrace", full.fbtraceId());
        GraphException e = new GraphException(GraphException.Kind.MALFORMED, "x");
        assertEquals(0, e.httpCalls());
        assertSame(e, e.withHttpCalls(3));
        assertEquals(3, e.httpCalls());
        assertEquals(0, e.withHttpCalls(-2).httpCalls());
    }

    // RepeatGuard over a scripted gateway

    @Test
    void theGuardPassesAConversationListedInTwoFoldersOnceWithTheFirstFolder() {
        Scripted graph = new Scripted();
        graph.pages.add(new ConversationBatch(List.of(fetched("a", null), fetched("b", null)), null, 1));
        graph.pages.add(new ConversationBatch(List.of(fetched("b", null), fetched("c", null)), null, 2));
        graph.pages.add(new ConversationBatch(List.of(fetched("a", null)), null, 1));
        RepeatGuard guard = new RepeatGuard(graph);

        ConversationBatch inbox = guard.conversations(PAGE, Folder.INBOX, 25, 10, null);
        ConversationBatch other = guard.conversations(PAGE, Folder.OTHER, 25, 10, null);
        ConversationBatch inboxAgain = guard.conversations(PAGE, Folder.INBOX, 25, 10, null);

        assertEquals(List.of("a", "b"), ids(inbox));
        assertEquals(List.of("c"), ids(other), "b stays with the inbox");
        assertEquals(2, other.httpCalls());
        assertEquals(List.of("a"), ids(inboxAgain), "listed again in its own folder: passed on");
        assertEquals(List.of(25, 25, 25), graph.limits);
    }

    @Test
    void theGuardFailsAFolderListingThatRepeatsAPageWithTheCallsItCost() {
        Scripted graph = new Scripted();
        Cursor next = Cursor.ofNullable("http://graph/next?after=1");
        graph.pages.add(new ConversationBatch(List.of(fetched("a", null)), next, 1));
        graph.pages.add(new ConversationBatch(List.of(fetched("a", null)), next, 3));
        RepeatGuard guard = new RepeatGuard(graph);

        Cursor second = Cursor.ofNullable("http://graph/next?after=0");
        graph.pages.addFirst(new ConversationBatch(List.of(fetched("b", null)), second, 1));
        graph.pages.addFirst(new ConversationBatch(List.of(fetched("z", null)), second, 1));
        guard.conversations(PAGE, Folder.INBOX, 25, 10, null);
        guard.conversations(PAGE, Folder.INBOX, 25, 10, second); // new ids on a new link: the walk goes on
        guard.conversations(PAGE, Folder.INBOX, 25, 10, null); // a new walk of the folder: a trail of its own
        GraphException e = assertThrows(GraphException.class, () -> guard.conversations(PAGE, Folder.INBOX, 50, 10, next));
        assertEquals(3, e.httpCalls());
        assertTrue(e.getMessage().contains("the inbox conversations of Page 111"), e.getMessage());
        assertThrows(GraphException.class, () -> guard.conversations(PAGE, Folder.INBOX, 100, 10, next),
                "a link already followed is not followed again");
        assertEquals(List.of(25, 25, 25, 50), graph.limits, "the limit is passed on as asked; the repeated link never sent");
    }

    @Test
    void theGuardFailsAMessageListingThatRepeatsTheNestedPage() {
        Scripted graph = new Scripted();
        Cursor more = Cursor.ofNullable("http://graph/a/messages?after=1");
        Cursor more2 = Cursor.ofNullable("http://graph/a/messages?after=2");
        graph.pages.add(new ConversationBatch(List.of(fetched("a", more)), null, 1));
        graph.messages.add(new MessageBatch(List.of(message("a", "m_new")), more2, 1));
        graph.messages.add(new MessageBatch(List.of(message("a", "m_a")), null, 4));
        RepeatGuard guard = new RepeatGuard(graph);

        guard.conversations(PAGE, Folder.INBOX, 25, 10, null);
        assertEquals(1, guard.messages(PAGE, "a", more).messages().size());
        GraphException e = assertThrows(GraphException.class, () -> guard.messages(PAGE, "a", more2),
                "only the nested message again");
        assertEquals(4, e.httpCalls());
        assertTrue(e.getMessage().contains("the messages of conversation a of Page 111"), e.getMessage());
    }

    @Test
    void theGuardDoesNotFollowAMessageLinkTwice() {
        Scripted graph = new Scripted();
        Cursor more = Cursor.ofNullable("http://graph/a/messages?after=1");
        graph.pages.add(new ConversationBatch(List.of(fetched("a", more)), null, 1));
        graph.messages.add(new MessageBatch(List.of(message("a", "m_2")), more, 1)); // a next link back to itself
        graph.messages.add(new MessageBatch(List.of(message("a", "m_3")), null, 1));
        RepeatGuard guard = new RepeatGuard(graph);

        guard.conversations(PAGE, Folder.INBOX, 25, 10, null);
        guard.messages(PAGE, "a", more);
        GraphException e = assertThrows(GraphException.class, () -> guard.messages(PAGE, "a", more));
        assertTrue(e.getMessage().contains("is one already followed"), e.getMessage());
        assertEquals(1, graph.messages.size(), "not asked");
    }

    @Test
    void theGuardForgetsAMessageListingThatEnded() {
        Scripted graph = new Scripted();
        Cursor more = Cursor.ofNullable("http://graph/a/messages?after=1");
        Cursor more3 = Cursor.ofNullable("http://graph/a/messages?after=3");
        graph.pages.add(new ConversationBatch(List.of(fetched("a", more)), null, 1));
        graph.messages.add(new MessageBatch(List.of(message("a", "m_old")), null, 1));
        graph.messages.add(new MessageBatch(List.of(message("a", "m_old")), null, 1));
        graph.pages.add(new ConversationBatch(List.of(fetched("a", more)), null, 1));
        graph.pages.add(new ConversationBatch(List.of(fetched("a", null)), null, 1));
        graph.messages.add(new MessageBatch(List.of(message("a", "m_a")), null, 1));
        RepeatGuard guard = new RepeatGuard(graph);

        guard.conversations(PAGE, Folder.INBOX, 25, 10, null);
        guard.messages(PAGE, "a", more);
        // that listing ended: a later one (another pass's cursor, here the same link) starts a trail of its own
        assertEquals(1, guard.messages(PAGE, "a", more).messages().size());
        guard.conversations(PAGE, Folder.INBOX, 25, 10, null);
        // listed again with its nested page the last one: the trail of the nested page is gone with it
        guard.conversations(PAGE, Folder.INBOX, 25, 10, null);
        assertEquals(1, guard.messages(PAGE, "a", more3).messages().size());
    }

    @Test
    void theGuardPassesIdentifyAndListPagesThrough() {
        Scripted graph = new Scripted();
        RepeatGuard guard = new RepeatGuard(graph);
        assertEquals("111", guard.identifyPage(Secret.of("x")).id());
        assertEquals(1, guard.listPages(Secret.of("x")).grants().size());
    }

    private static List<String> ids(ConversationBatch batch) {
        return batch.conversations().stream().map(f -> f.conversation().id()).toList();
    }

    private static FetchedConversation fetched(String id, Cursor more) {
        Conversation c = new Conversation(id, "111", Folder.INBOX, "9", "Ann", "hi", T, 2, 0, true, null, null);
        return new FetchedConversation(c, List.of(message(id, "m_" + id)), more);
    }

    private static Message message(String conversation, String id) {
        return new Message(id, conversation, "111", "9", "Ann", false, "hi", T, null, false);
    }

    /** Answers from scripts, in order, and records the limits it was asked for. */
    private static final class Scripted implements GraphGateway {
        final Deque<ConversationBatch> pages = new ArrayDeque<>();
        final Deque<MessageBatch> messages = new ArrayDeque<>();
        final List<Integer> limits = new ArrayList<>();

        @Override
        public ConversationBatch conversations(PageAccess page, Folder folder, int limit, int nestedMessages, Cursor after) {
            limits.add(limit);
            return pages.removeFirst();
        }

        @Override
        public MessageBatch messages(PageAccess page, String conversationId, Cursor next) {
            return messages.removeFirst();
        }

        @Override
        public PageProfile identifyPage(Secret pageToken) {
            return new PageProfile("111", "Shop", "Shopping");
        }

        @Override
        public PageListing listPages(Secret userToken) {
            return new PageListing(List.of(new PageGrant(identifyPage(userToken), Secret.of("p"))), List.of());
        }
    }
}
