package app.inboxsync.sync;

import static app.inboxsync.sync.ScriptedGraph.ACCESS;
import static app.inboxsync.sync.ScriptedGraph.PAGE;
import static app.inboxsync.sync.ScriptedGraph.conversation;
import static app.inboxsync.sync.ScriptedGraph.fetched;
import static app.inboxsync.sync.ScriptedGraph.message;
import static app.inboxsync.sync.ScriptedGraph.page;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.SyncMode;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * SyncService's own decisions, on an in-memory store and a scripted Graph with a clock the test moves: which mode,
 * when a run is refused, what the watermark becomes, when conversations may be marked missing, how each failure
 * ends the run, and that the lock is always given back. Fast, so a mutation run can afford it.
 */
class SyncServiceTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final Duration STEP = Duration.ofSeconds(10);

    /** Stands still between Graph calls; each call moves it one step. */
    private static final class TestClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final TestClock clock = new TestClock();
    private final ScriptedGraph graph = new ScriptedGraph();
    private final List<SyncEvent> events = new ArrayList<>();
    private MemoryStore store = new MemoryStore(new PageState(PAGE, "Shop", null, Folder.ALL, 5));

    {
        graph.onCall = () -> clock.now = clock.now.plus(STEP);
    }

    private SyncResult sync(SyncRequest request) {
        return sync(request, null, new CancelSignal());
    }

    private SyncResult sync(SyncRequest request, SharedRound round, CancelSignal cancel) {
        return new SyncService(graph, store, SyncTuning.DEFAULT, clock).sync(request, round, events::add, cancel);
    }

    private static SyncRequest all() {
        return new SyncRequest(ACCESS, null, false);
    }

    private <T extends SyncEvent> List<T> events(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }

    private SyncEvent.Failed failed() {
        List<SyncEvent.Failed> f = events(SyncEvent.Failed.class);
        assertEquals(1, f.size(), events.toString());
        return f.get(0);
    }

    private void watermark(Instant at) {
        store.page = new PageState(PAGE, "Shop", at, Folder.ALL, 5);
    }

    @Test
    void aPageNotAddedIsRefusedWithTheCommandThatAddsIt() {
        store.page = null;
        SyncResult r = sync(all());
        assertEquals(SyncResult.Status.FAILED, r.status());
        assertEquals("Page 111 is not added. Add it first: pages add --token <page token>.", r.error());
        assertEquals(r.error(), failed().message());
        assertEquals(SyncResult.Status.FAILED, failed().status());
        assertTrue(store.started.isEmpty());
        assertEquals(0, store.locksTaken);
        assertTrue(graph.asked.isEmpty());
    }

    @Test
    void aSyncCancelledBeforeItStartsReadsNothing() {
        CancelSignal cancel = new CancelSignal();
        cancel.cancel();
        SyncResult r = sync(all(), null, cancel);
        assertEquals(SyncResult.Status.CANCELLED, r.status());
        assertEquals("Not started: the sync was cancelled.", r.error());
        assertEquals(SyncResult.Status.CANCELLED, failed().status());
        assertEquals(0, store.pageStateReads);
        assertTrue(store.started.isEmpty());
    }

    @Test
    void aLockedPageIsRefusedWithoutARunOrACall() {
        store.lockFree = false;
        SyncResult r = sync(all());
        assertEquals(SyncResult.Status.ALREADY_RUNNING, r.status());
        assertEquals("Another sync of page Shop is already running (in this or another window or machine). "
                + "Wait for it to finish.", r.error());
        assertEquals(SyncResult.Status.ALREADY_RUNNING, failed().status());
        assertTrue(store.started.isEmpty());
        assertTrue(graph.asked.isEmpty());
    }

    @Test
    void inASharedRoundALockedPageIsSkippedAsSyncingElsewhere() {
        store.lockFree = false;
        SyncResult r = sync(all(), new SharedRound(T0.minusSeconds(60)), new CancelSignal());
        assertEquals(SyncResult.Status.ALREADY_RUNNING, r.status());
        assertEquals("Shop is syncing elsewhere (another process or machine has it); skipped here.", r.error());
        assertTrue(store.started.isEmpty());
    }

    @Test
    void inASharedRoundAPageFinishedElsewhereMeanwhileIsSkippedAndItsLockGivenBack() {
        store.lastCompleted = Optional.of(Instant.parse("2026-03-01T11:59:30.750Z"));
        SyncResult r = sync(all(), new SharedRound(T0.minusSeconds(60)), new CancelSignal());
        assertEquals(SyncResult.Status.ALREADY_RUNNING, r.status());
        assertEquals("Shop was synced elsewhere during this round (finished 2026-03-01T11:59:30Z); skipped here.",
                r.error());
        assertTrue(store.started.isEmpty());
        assertTrue(graph.asked.isEmpty());
        assertEquals(1, store.locksTaken);
        assertEquals(1, store.locksReleased);
    }

    @Test
    void inASharedRoundAPageFinishedBeforeTheRoundIsSynced() {
        store.lastCompleted = Optional.of(T0.minusSeconds(3600));
        SyncResult r = sync(all(), new SharedRound(T0.minusSeconds(60)), new CancelSignal());
        assertEquals(SyncResult.Status.SUCCEEDED, r.status());
        assertEquals(1, store.started.size());
        assertEquals(1, store.locksReleased);
    }

    @Test
    void noWatermarkMeansFullAndAFullPassOverEveryFolderMarksTheUnseenMissing() {
        Instant newest = T0.minusSeconds(3600);
        graph.list(Folder.INBOX, page(null, fetched(conversation("t_1", Folder.INBOX, newest, 1), null,
                message("t_1", "m_1", newest))));
        SyncResult r = sync(all());

        assertEquals(SyncResult.Status.SUCCEEDED, r.status(), r.error());
        assertEquals(SyncMode.FULL, r.mode());
        assertEquals(List.of(SyncMode.FULL), store.startedModes);
        assertEquals(Folder.ALL, graph.asked.stream().map(ScriptedGraph.Asked::folder).toList());
        assertTrue(graph.asked.stream().allMatch(a -> a.limit() == GraphGateway.MAX_LIMIT), "a full pass asks 100");
        Instant end = T0.plus(STEP.multipliedBy(4));
        assertEquals(List.of(new MemoryStore.Missing(PAGE, Set.of("t_1"), end)), store.missing);
        SyncEvent.Completed done = events(SyncEvent.Completed.class).get(0);
        assertEquals(3, done.markedMissing());
        assertEquals(4, r.apiCalls());
        assertEquals(4, done.apiCalls());
        assertEquals(1, r.conversationsSeen());
        assertEquals(Duration.ofSeconds(40), r.elapsed());
        assertEquals(Duration.ofSeconds(40), done.elapsed());
        assertEquals(Duration.ofSeconds(40), done.listingElapsed(), "the history had nothing to do");
        assertEquals(store.coverage, done.coverage());
        assertEquals(List.of(end.plus(WatermarkCeiling.SKEW)), store.oddCeilings);
        // the newest update, moved back by how long the pass took (40 s)
        Instant expected = newest.minusSeconds(40);
        assertEquals(expected, done.watermark());
        MemoryStore.Finished run = store.finished.get(0);
        assertEquals(new MemoryStore.Finished(100, PAGE, new RunOutcome(RunOutcome.RunStatus.SUCCEEDED,
                r.counts(), 4, expected, null)), run);
        assertEquals(1, r.counts().conversationsInserted());
        assertEquals(1, r.counts().messagesInserted());
        SyncEvent.Started s = events(SyncEvent.Started.class).get(0);
        assertEquals(new SyncEvent.Started(PAGE, "Shop", SyncMode.FULL, 100, 5), s);
        assertEquals(1, store.locksReleased);
    }

    @Test
    void theWatermarkIsTruncatedToTheSecondAndNeverGoesBack() {
        watermark(T0.minusSeconds(600));
        Instant newest = T0.minusSeconds(7200).plusMillis(900); // older than the stored watermark
        graph.list(Folder.INBOX, page(null, fetched(conversation("t_1", Folder.INBOX, T0.minusSeconds(30), 1), null,
                message("t_1", "m_1", T0.minusSeconds(30)))));
        SyncResult r = sync(all());
        assertEquals(SyncMode.INCREMENTAL, r.mode());
        SyncEvent.Completed done = events(SyncEvent.Completed.class).get(0);
        assertEquals(T0.minusSeconds(70), done.watermark(), "newest (T0-30 s) minus the pass's 40 s");
        assertTrue(store.missing.isEmpty(), "an incremental pass marks nothing missing");

        events.clear();
        store.finished.clear();
        watermark(T0.minusSeconds(60));
        clock.now = T0;
        graph.list(Folder.INBOX, page(null, fetched(conversation("t_2", Folder.INBOX, newest, 1), null,
                message("t_2", "m_2", newest))));
        sync(all());
        assertEquals(T0.minusSeconds(60), events(SyncEvent.Completed.class).get(0).watermark(),
                "an older newest update does not move the watermark back");

        events.clear();
        watermark(T0.minusSeconds(3 * 3600));
        clock.now = T0;
        Instant odd = T0.minusSeconds(3600).plusMillis(999);
        graph.list(Folder.INBOX, page(null, fetched(conversation("t_3", Folder.INBOX, odd, 1), null,
                message("t_3", "m_3", odd))));
        sync(all());
        assertEquals(T0.minusSeconds(3600 + 40), events(SyncEvent.Completed.class).get(0).watermark(),
                "moved back 40 s from 11:00:00.999 and truncated");
    }

    @Test
    void aPassWithNothingNewKeepsTheWatermark() {
        watermark(T0.minusSeconds(600));
        SyncResult r = sync(all());
        assertEquals(SyncResult.Status.SUCCEEDED, r.status());
        assertEquals(T0.minusSeconds(600), store.finished.get(0).outcome().newWatermark());
    }

    @Test
    void aFirstFullPassWithNothingListedLeavesNoWatermark() {
        SyncResult r = sync(all());
        assertEquals(SyncResult.Status.SUCCEEDED, r.status());
        assertNull(store.finished.get(0).outcome().newWatermark());
    }

    @Test
    void forceFullReadsEverythingDespiteAWatermark() {
        watermark(T0.minusSeconds(600));
        SyncResult r = sync(new SyncRequest(ACCESS, null, true));
        assertEquals(SyncMode.FULL, r.mode());
        assertEquals(1, store.missing.size(), "a forced full pass over every folder may mark missing");
    }

    @Test
    void aWatermarkInTheFutureIsDistrustedAndRedoneInFull() {
        Instant future = T0.plus(Duration.ofDays(3));
        watermark(future);
        Instant newest = T0.minusSeconds(600);
        graph.list(Folder.INBOX, page(null, fetched(conversation("t_1", Folder.INBOX, newest, 1), null,
                message("t_1", "m_1", newest))));
        SyncResult r = sync(all());
        assertEquals(SyncMode.FULL, r.mode());
        assertTrue(events(SyncEvent.Notice.class).stream().anyMatch(n -> n.message().equals("The stored watermark ("
                + future + ") lies in the future, so this sync reads everything again instead of trusting it.")));
        assertEquals(newest.minusSeconds(40), store.finished.get(0).outcome().newWatermark(),
                "the odd watermark is not kept as the newer one");
    }

    @Test
    void aWatermarkJustWithinTheSkewIsTrusted() {
        watermark(T0.plus(WatermarkCeiling.SKEW));
        assertEquals(SyncMode.INCREMENTAL, sync(all()).mode());
        assertTrue(events(SyncEvent.Notice.class).isEmpty());
    }

    @Test
    void aConversationDatedPastTheAnswerIsKeptButTheWatermarkStopsAtTheCeiling() {
        Instant far = Instant.parse("9999-01-01T00:00:00Z");
        graph.list(Folder.INBOX, page(null, fetched(conversation("t_1", Folder.INBOX, far, 1), null,
                message("t_1", "m_1", T0.minusSeconds(5)))));
        SyncResult r = sync(all());
        Instant end = T0.plus(STEP.multipliedBy(4));
        assertEquals(SyncResult.Status.SUCCEEDED, r.status());
        Instant ceiling = end.plus(WatermarkCeiling.SKEW);
        assertEquals(ceiling.minusSeconds(40), store.finished.get(0).outcome().newWatermark());
        assertTrue(events(SyncEvent.Notice.class).stream().anyMatch(n -> n.message().equals("Facebook dated a "
                + "conversation " + far + ", later than the time it answered; it is kept with that time as given, "
                + "and the watermark stays at " + ceiling + " so no later change is missed.")), events.toString());
    }

    @Test
    void aConversationDatedAtTheCeilingIsNoNotice() {
        Instant end = T0.plus(STEP.multipliedBy(4));
        Instant atCeiling = end.plus(WatermarkCeiling.SKEW);
        graph.list(Folder.INBOX, page(null, fetched(conversation("t_1", Folder.INBOX, atCeiling, 1), null,
                message("t_1", "m_1", T0))));
        sync(all());
        assertTrue(events(SyncEvent.Notice.class).isEmpty(), events.toString());
        assertEquals(atCeiling.minusSeconds(40), store.finished.get(0).outcome().newWatermark());
    }

    @Test
    void aFullPassOverFewerFoldersMarksNothingMissingAndTheOthersAreNotBehind() {
        SyncResult r = sync(new SyncRequest(ACCESS, List.of(Folder.INBOX, Folder.OTHER), false));
        assertEquals(SyncMode.FULL, r.mode());
        assertEquals(List.of(Folder.INBOX, Folder.OTHER), graph.asked.stream().map(ScriptedGraph.Asked::folder).toList());
        assertTrue(store.missing.isEmpty());
        assertEquals(0, events(SyncEvent.Completed.class).get(0).markedMissing());
        assertTrue(store.behindWritten.isEmpty(), "every folder asked was read: nothing to record");
    }

    @Test
    void thePagesOwnFoldersAreWalkedWhenTheRequestNamesNone() {
        store.page = new PageState(PAGE, "Shop", null, List.of(Folder.SPAM), 0);
        sync(all());
        assertEquals(List.of(Folder.SPAM), graph.asked.stream().map(ScriptedGraph.Asked::folder).toList());
    }

    @Test
    void aRefusedFolderIsBehindMarksNothingMissingAndIsCaughtUpOnceRead() {
        graph.failList(Folder.SPAM, () -> new GraphException(GraphException.Kind.FOLDER_REFUSED, "no spam folder"));
        store.behind = java.util.EnumSet.of(Folder.OTHER);
        SyncResult r = sync(all());
        assertEquals(SyncResult.Status.SUCCEEDED, r.status(), r.error());
        assertTrue(store.missing.isEmpty(), "a folder not read may still hold the unseen ones");
        assertEquals(List.of(Set.of(Folder.SPAM)), store.behindWritten, "OTHER was read, so caught up");
        assertTrue(events(SyncEvent.Notice.class).stream().anyMatch(n -> n.message().equals("no spam folder")));

        store.behindWritten.clear();
        graph.failList(Folder.SPAM, () -> new GraphException(GraphException.Kind.FOLDER_REFUSED, "no spam folder"));
        sync(all());
        assertTrue(store.behindWritten.isEmpty(), "still behind the same: nothing written");
    }

    @Test
    void aFolderBehindIsWalkedToItsEndInAnIncrementalPass() {
        watermark(T0.minusSeconds(600));
        store.behind = java.util.EnumSet.of(Folder.OTHER);
        sync(all());
        assertEquals(List.of(25, 25, 100, 25), graph.asked.stream().map(ScriptedGraph.Asked::limit).toList());
        assertEquals(List.of(Set.of()), store.behindWritten);
    }

    @Test
    void anInvalidTokenIsRecordedAndTheRunFailsWithTheCallsItCost() {
        watermark(T0.minusSeconds(600));
        graph.list(Folder.INBOX, page(null));
        graph.failList(Folder.PAGE_DONE, () -> new GraphException(GraphException.Kind.TOKEN_INVALID,
                "The Page token no longer works.", 190, 0, null, null).withHttpCalls(2));
        SyncResult r = sync(all());
        assertEquals(SyncResult.Status.FAILED, r.status());
        assertEquals("The Page token no longer works.", r.error());
        assertFalse(r.succeeded());
        assertEquals(List.of("The Page token no longer works."), store.tokenInvalid);
        assertEquals(3, r.apiCalls(), "one listing call, then the failed call's two attempts");
        assertEquals(new RunOutcome(RunOutcome.RunStatus.FAILED, r.counts(), 3, null, r.error()),
                store.finished.get(0).outcome());
        assertEquals(SyncResult.Status.FAILED, failed().status());
        assertEquals(r.error(), failed().message());
        assertEquals(Duration.ofSeconds(20), r.elapsed());
        assertEquals(1, store.locksReleased);
    }

    @Test
    void otherGraphFailuresLeaveTheTokenAlone() {
        graph.failList(Folder.INBOX, () -> new GraphException(GraphException.Kind.PERMISSION, "No permission."));
        SyncResult r = sync(all());
        assertEquals(SyncResult.Status.FAILED, r.status());
        assertTrue(store.tokenInvalid.isEmpty());
        assertEquals(RunOutcome.RunStatus.FAILED, store.finished.get(0).outcome().status());
    }

    @Test
    void aGraphFailureAfterACancelIsACancel() {
        CancelSignal cancel = new CancelSignal();
        graph.failList(Folder.INBOX, () -> {
            cancel.cancel();
            return new GraphException(GraphException.Kind.TRANSIENT, "interrupted while waiting");
        });
        SyncResult r = sync(all(), null, cancel);
        assertEquals(SyncResult.Status.CANCELLED, r.status());
        assertEquals(new CancelSignal.SyncCancelledException().getMessage(), r.error());
        assertEquals(RunOutcome.RunStatus.CANCELLED, store.finished.get(0).outcome().status());
        assertEquals(r.error(), store.finished.get(0).outcome().error());
    }

    @Test
    void aCancelBetweenFoldersEndsTheRunCancelled() {
        CancelSignal cancel = new CancelSignal();
        graph.onCall = cancel::cancel;
        SyncResult r = sync(all(), null, cancel);
        assertEquals(SyncResult.Status.CANCELLED, r.status());
        assertEquals(1, graph.asked.size());
        assertEquals(RunOutcome.RunStatus.CANCELLED, store.finished.get(0).outcome().status());
        assertEquals(SyncResult.Status.CANCELLED, failed().status());
    }

    @Test
    void aBugWithoutASentenceFailsWithOneForPeople() {
        graph.failList(Folder.INBOX, () -> new IllegalStateException());
        SyncResult r = sync(all());
        assertEquals(SyncResult.Status.FAILED, r.status());
        assertEquals("The sync stopped on an unexpected problem inside Inbox Sync. Nothing was lost; see the log for "
                + "details, and run the sync again.", r.error());
        graph.failList(Folder.INBOX, () -> new IllegalStateException(" "));
        assertEquals("The sync stopped on an unexpected problem inside Inbox Sync. Nothing was lost; see the log for "
                + "details, and run the sync again.", sync(all()).error());
        graph.failList(Folder.INBOX, () -> new IllegalStateException("The database went away."));
        assertEquals("The database went away.", sync(all()).error());
        assertEquals(3, store.locksReleased);
    }

    @Test
    void aFailureWithASentenceLogsNoWarningWhileOneWithoutASentenceIsWarnedOfWithItsTrace() {
        graph.failList(Folder.INBOX, () -> new IllegalStateException("The database went away."));
        assertEquals(List.of(), warningsDuring(() -> sync(all())), "the sentence reaches people as the result");
        graph.failList(Folder.INBOX, () -> new IllegalStateException(" "));
        List<ILoggingEvent> warned = warningsDuring(() -> sync(all()));
        assertEquals(1, warned.size(), "no sentence for people: the log keeps the trace");
        assertEquals(IllegalStateException.class.getName(), warned.get(0).getThrowableProxy().getClassName());
    }

    /** The WARN events SyncService's own logger logs while {@code work} runs. */
    private static List<ILoggingEvent> warningsDuring(Runnable work) {
        Logger logger = (Logger) org.slf4j.LoggerFactory.getLogger(SyncService.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        logger.addAppender(seen);
        try {
            work.run();
        } finally {
            logger.detachAppender(seen);
        }
        return seen.list.stream().filter(e -> e.getLevel() == Level.WARN).toList();
    }

    @Test
    void runningOutOfMemoryEndsTheRunWithASentence() {
        graph.listings.computeIfAbsent(Folder.INBOX, f -> new java.util.ArrayDeque<>()).add(() -> {
            throw new OutOfMemoryError("Java heap space");
        });
        SyncResult r = sync(all());
        assertEquals(SyncResult.Status.FAILED, r.status());
        assertEquals("Inbox Sync ran out of memory during this sync. Nothing was lost; close other windows or give it "
                + "more memory, and run the sync again.", r.error());
        assertEquals(RunOutcome.RunStatus.FAILED, store.finished.get(0).outcome().status());
    }

    @Test
    void aDatabaseDownBeforeTheRunFailsThePageWithTheStoresSentence() {
        store.failPageState = () -> new IllegalStateException("The database at localhost:5432 does not answer.");
        SyncResult r = sync(all());
        assertEquals(SyncResult.Status.FAILED, r.status());
        assertEquals("The database at localhost:5432 does not answer.", r.error());
        assertEquals(r.error(), failed().message());
        store.failPageState = () -> new IllegalStateException();
        assertTrue(sync(all()).error().startsWith("The sync stopped on an unexpected problem"));
    }

    @Test
    void aRunThatCannotBeRecordedStillEndsWithTheFirstFailure() {
        graph.failList(Folder.INBOX, () -> new GraphException(GraphException.Kind.PERMISSION, "No permission."));
        store.failFinishRun = () -> new IllegalStateException("gone");
        SyncResult r = sync(all());
        assertEquals(SyncResult.Status.FAILED, r.status());
        assertEquals("No permission.", r.error());
        assertEquals(1, store.locksReleased);
    }

    @Test
    void aCopyThatCannotBeCountedDoesNotFailTheSync() {
        store.failCoverage = () -> new IllegalStateException("count failed");
        SyncResult r = sync(all());
        assertEquals(SyncResult.Status.SUCCEEDED, r.status());
        assertNull(events(SyncEvent.Completed.class).get(0).coverage());
    }

    @Test
    void theLockIsGivenBackWithTheInterruptSetAsideAndTheInterruptKept() {
        CancelSignal cancel = new CancelSignal();
        graph.onCall = () -> {
            cancel.cancel();
            Thread.currentThread().interrupt();
        };
        SyncResult r = sync(all(), null, cancel);
        boolean stillInterrupted = Thread.interrupted(); // clears it for the next test
        assertEquals(SyncResult.Status.CANCELLED, r.status());
        assertTrue(stillInterrupted, "the cancel's interrupt is kept for the caller");
        assertFalse(store.interruptedAtRelease, "the lock's release ran with the interrupt set aside");
        assertEquals(1, store.finished.size(), "the run was recorded despite the interrupt");
    }

    @Test
    void theListingTimeIsMeasuredToTheEndOfTheListingNotOfTheHistory() {
        Instant t = T0.minusSeconds(600);
        graph.list(Folder.INBOX, page(null, fetched(conversation("t_1", Folder.INBOX, t, 150),
                ScriptedGraph.cursor("t_1-2"), message("t_1", "m_2", t))));
        graph.history("t_1", new MessageBatch(List.of(message("t_1", "m_1", t.minusSeconds(1))), null, 1));
        SyncResult r = sync(all());
        assertEquals(SyncResult.Status.SUCCEEDED, r.status(), r.error());
        SyncEvent.Completed done = events(SyncEvent.Completed.class).get(0);
        assertEquals(Duration.ofSeconds(50), done.elapsed());
        assertEquals(Duration.ofSeconds(40), done.listingElapsed());
        assertEquals(5, r.apiCalls());
    }
}
