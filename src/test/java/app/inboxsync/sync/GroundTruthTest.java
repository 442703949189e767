package app.inboxsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Secret;
import app.inboxsync.domain.SyncMode;
import app.inboxsync.simulator.SimConversation;
import app.inboxsync.simulator.SimMessage;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** After a sync, the database equals the simulator's data exactly; incremental syncs keep it so, cheaply. */
class GroundTruthTest {
    private SyncFixture fx;

    @BeforeEach
    void start() {
        fx = new SyncFixture(SimulatorConfig.small(11).withPages(2).withConversations(150).withAverageMessages(20));
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void fullSyncStoresEverythingTheSimulatorHas() throws Exception {
        SimPage page = fx.page(0);
        List<SyncEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        SyncResult result = fx.service.sync(fx.request(page, false), events::add, new CancelSignal());

        assertTrue(result.succeeded(), result.error());
        assertEquals(SyncMode.FULL, result.mode());
        assertEquals(150, result.counts().conversationsInserted());
        fx.assertStoredEqualsSimulator(page);
        Instant newest = fx.sim.conversations(page.id()).stream().map(SimConversation::updatedTime)
                .max(Comparator.naturalOrder()).orElseThrow();
        // the newest updated_time seen, not the wall clock, moved back by the pass's duration (see SyncService)
        Instant watermark = fx.watermark(page.id());
        assertTrue(!watermark.isAfter(newest) && !watermark.isBefore(newest.minus(result.elapsed()).minusSeconds(1)),
                "watermark " + watermark + " vs newest " + newest + " and a pass of " + result.elapsed());
        assertEquals(0, fx.count("SELECT count(*) FROM messenger_conversations WHERE page_id = '" + fx.page(1).id() + "'"),
                "the other page is untouched");
        // a full pass reads each folder in pages of 100 and each history in pages of 100, the first nested
        long expectedCalls = 0;
        for (String folder : List.of("inbox", "page_done", "other", "spam")) {
            long n = fx.sim.conversations(page.id()).stream().filter(c -> c.folder().equals(folder)).count();
            expectedCalls += Math.max(1, (n + 99) / 100);
        }
        for (SimConversation c : fx.sim.conversations(page.id())) {
            expectedCalls += Math.max(0, (c.messageCount() + 99) / 100 - 1);
        }
        assertEquals(expectedCalls, result.apiCalls(), "the fewest calls a full pass can make");
        assertEquals(result.apiCalls(), fx.sim.requestCount(page.id()));
        List<SyncEvent.Progress> progress = events.stream().filter(e -> e instanceof SyncEvent.Progress)
                .map(e -> (SyncEvent.Progress) e).toList();
        assertTrue(!progress.isEmpty(), "progress after each batch: " + events);
        assertEquals(150, progress.get(progress.size() - 1).conversationsSeen());
        assertTrue(progress.get(progress.size() - 1).apiCalls() > 0);
    }

    @Test
    void anIncrementalPassAsksForFewFirstThenDoublesThePage() throws Exception {
        SimPage page = fx.page(0);
        assertTrue(fx.sync(page).succeeded());
        List<SimConversation> inbox = fx.sim.conversations(page.id()).stream().filter(c -> c.folder().equals("inbox")).toList();
        assertTrue(inbox.size() >= 50, "enough inbox conversations in this world: " + inbox.size());
        Instant oldestChange = null;
        for (SimConversation c : inbox.subList(inbox.size() - 50, inbox.size())) {
            Instant t = fx.sim.addMessage(c.id(), true, "changed").createdTime();
            oldestChange = oldestChange == null || t.isBefore(oldestChange) ? t : oldestChange;
        }
        // the watermark where the overlap ends exactly at the oldest change: everything unchanged is below it
        setWatermark(page, oldestChange.plus(SyncTuning.DEFAULT.overlap()));
        List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
        fx.sim.addListener(call -> calls.add(call.path()));

        SyncResult again = fx.sync(page);

        assertTrue(again.succeeded(), again.error());
        assertEquals(50, again.counts().conversationsUpdated());
        // inbox: 25 (all changed), then 50 (the other 25 changed and the watermark), one call for each other
        // folder: 5 calls. Following Graph's next link as given (it keeps limit=25) takes 6; starting at 100
        // would take 4; halving instead of doubling (25, 12, 6…) more than 10.
        assertEquals(5, again.apiCalls(), again.apiCalls() + " calls: " + calls);
        assertEquals(5, calls.size(), "the calls the simulator answered: " + calls);
        fx.assertStoredEqualsSimulator(page);
    }

    @Test
    void aFullPassRewritesTheNestedMessagesOlderThanTheNewestStored() throws Exception {
        SimPage page = fx.page(0);
        assertTrue(fx.sync(page).succeeded());
        // a thread of several messages, its oldest one damaged in the stored copy
        SimConversation thread = fx.sim.conversations(page.id()).stream()
                .filter(c -> c.messageCount() >= 3 && c.messageCount() <= 100).findFirst().orElseThrow();
        List<app.inboxsync.simulator.SimMessage> messages = fx.sim.messages(thread.id());
        String oldest = messages.get(messages.size() - 1).id();
        try (var c = fx.db.dataSource().getConnection();
             var s = c.prepareStatement("UPDATE messenger_messages SET text = 'damaged' WHERE message_id = ?")) {
            s.setString(1, oldest);
            assertEquals(1, s.executeUpdate());
        }

        SyncResult incremental = fx.sync(page);
        assertTrue(incremental.succeeded(), incremental.error());
        assertEquals(1, fx.count("SELECT count(*) FROM messenger_messages WHERE text = 'damaged'"),
                "an incremental pass writes only what is newer than the newest stored message");

        SyncResult full = fx.service.sync(fx.request(page, true), SyncListener.NONE, new CancelSignal());
        assertTrue(full.succeeded(), full.error());
        assertEquals(SyncMode.FULL, full.mode());
        assertEquals(0, fx.count("SELECT count(*) FROM messenger_messages WHERE text = 'damaged'"),
                "a full pass rewrites the whole nested page");
        fx.assertStoredEqualsSimulator(page);
    }

    @Test
    void incrementalSyncCatchesUpWithOneCallPerFolderWhenNothingChanged() throws Exception {
        SimPage page = fx.page(0);
        assertTrue(fx.sync(page).succeeded());
        long before = fx.sim.requestCount(page.id());

        SyncResult again = fx.sync(page);

        assertTrue(again.succeeded(), again.error());
        assertEquals(SyncMode.INCREMENTAL, again.mode());
        assertEquals(4, again.apiCalls(), "one call per folder");
        assertEquals(4, fx.sim.requestCount(page.id()) - before);
        assertEquals(0, again.counts().conversationsTouched());
        fx.assertStoredEqualsSimulator(page);
    }

    @Test
    void incrementalSyncPicksUpNewMessagesAndConversationsWithTheFewestCalls() throws Exception {
        SimPage page = fx.page(0);
        assertTrue(fx.sync(page).succeeded());
        Instant watermarkBefore = fx.watermark(page.id());
        List<SimConversation> all = fx.sim.conversations(page.id());
        // 5 changed conversations, one of them deep in the listing, and one brand-new conversation
        for (int i : new int[] {3, 40, 77, 120, 149}) {
            fx.sim.addMessage(all.get(i).id(), true, "new message " + i + " 🎉 مرحبا");
        }
        fx.sim.addMessage(all.get(40).id(), false, "the page answers");
        fx.sim.addConversation(page.id(), "inbox", 3);

        SyncResult again = fx.sync(page);

        assertTrue(again.succeeded(), again.error());
        assertEquals(SyncMode.INCREMENTAL, again.mode());
        assertEquals(1, again.counts().conversationsInserted());
        assertEquals(5, again.counts().conversationsUpdated());
        assertEquals(6 + 3, again.counts().messagesInserted());
        assertEquals(4, again.apiCalls(), "changed conversations sit on each folder's first page");
        fx.assertStoredEqualsSimulator(page);
        assertTrue(fx.watermark(page.id()).isAfter(watermarkBefore), "the watermark moves up to the newest update seen");
    }

    @Test
    void conversationsDeletedOnFacebookAreMarkedNotDeletedByAFullPass() throws Exception {
        SimPage page = fx.page(0);
        assertTrue(fx.sync(page).succeeded());
        String gone = fx.sim.conversations(page.id()).get(10).id();
        fx.sim.deleteConversation(gone);

        SyncResult full = fx.service.sync(fx.request(page, true), SyncListener.NONE, new CancelSignal());

        assertTrue(full.succeeded(), full.error());
        assertEquals(1, fx.count("SELECT count(*) FROM messenger_conversations WHERE missing_since IS NOT NULL AND conversation_id = '" + gone + "'"));
        assertTrue(fx.count("SELECT count(*) FROM messenger_messages WHERE conversation_id = '" + gone + "'") > 0, "data kept");
        fx.assertStoredEqualsSimulator(page);
    }

    @Test
    void aFullPassOverFewerThanAllFoldersMarksNothingMissing() throws Exception {
        SimPage page = fx.page(0);
        assertTrue(fx.sync(page).succeeded());
        List<SimConversation> all = fx.sim.conversations(page.id());
        SimConversation inInbox = all.stream().filter(c -> c.folder().equals("inbox")).findFirst().orElseThrow();
        SimConversation inSpam = all.stream().filter(c -> c.folder().equals("spam")).findFirst().orElseThrow();
        fx.sim.deleteConversation(inInbox.id()); // gone from a folder the pass walks
        fx.sim.deleteConversation(inSpam.id()); // and from one it does not

        SyncResult partial = fx.service.sync(new SyncRequest(new PageAccess(page.id(), Secret.of(page.token())),
                List.of(Folder.INBOX, Folder.PAGE_DONE, Folder.OTHER), true), SyncListener.NONE, new CancelSignal());

        assertTrue(partial.succeeded(), partial.error());
        assertEquals(SyncMode.FULL, partial.mode());
        assertEquals(0, fx.count("SELECT count(*) FROM messenger_conversations WHERE missing_since IS NOT NULL"),
                "a pass that did not walk every folder cannot tell what is gone");
        assertEquals(150, fx.count("SELECT count(*) FROM messenger_conversations WHERE page_id = '" + page.id() + "'"));

        // the same pass over all four folders does mark them (so the check above could have seen it)
        SyncResult whole = fx.service.sync(fx.request(page, true), SyncListener.NONE, new CancelSignal());
        assertTrue(whole.succeeded(), whole.error());
        assertEquals(2, fx.count("SELECT count(*) FROM messenger_conversations WHERE missing_since IS NOT NULL AND conversation_id IN ('"
                + inInbox.id() + "', '" + inSpam.id() + "')"));
    }

    @Test
    void aConversationUpdatedWithinTheOverlapBelowTheWatermarkIsPickedUp() throws Exception {
        SimPage page = fx.page(0);
        assertTrue(fx.sync(page).succeeded());
        SimConversation changed = fx.sim.conversations(page.id()).get(30);
        SimMessage late = fx.sim.addMessage(changed.id(), true, "stamped by a clock a little behind ours");
        // the watermark is 2 minutes past the new message: as if Facebook's clock ran behind the newest time we
        // saw; the rule is to walk until updated_time < watermark − 5 min
        Instant watermark = fx.sim.conversations(page.id()).get(0).updatedTime().plus(Duration.ofMinutes(2));
        assertTrue(watermark.isAfter(fx.watermark(page.id())));
        setWatermark(page, watermark);

        SyncResult again = fx.sync(page);

        assertTrue(again.succeeded(), again.error());
        assertEquals(SyncMode.INCREMENTAL, again.mode());
        assertEquals(1, again.counts().conversationsUpdated(), "the conversation 2 minutes below the watermark");
        assertEquals(1, fx.count("SELECT count(*) FROM messenger_messages WHERE message_id = '" + late.id() + "'"));
        fx.assertStoredEqualsSimulator(page);
        assertEquals(watermark, fx.watermark(page.id()), "a watermark never moves back, even below the newest update seen");
    }

    @Test
    void aBugWithoutAMessageEndsTheRunWithASentenceAndAWarningWithItsTrace() throws Exception {
        SimPage page = fx.page(0);
        SyncResult result = new SyncService(failingOnTheThirdListing(new IllegalStateException()), fx.store)
                .sync(fx.request(page, false), SyncListener.NONE, new CancelSignal());

        assertEquals(SyncResult.Status.FAILED, result.status());
        assertTrue(result.error() != null && result.error().toLowerCase(java.util.Locale.ROOT)
                .contains("see the log for details"), result.error());
        assertFalse(result.error().contains("Exception"), "no Java exception name in front of people: " + result.error());
        assertEquals(1, fx.count("SELECT count(*) FROM sync_runs WHERE status = 'failed' AND error = '" + result.error() + "'"));
        assertEquals(1, app.inboxsync.testing.SecretWatch.events(ch.qos.logback.classic.Level.WARN), "the bug is logged as a warning");
        assertEquals(null, fx.watermark(page.id()));
    }

    @Test
    void aFailureWithASentenceEndsTheRunWithThatSentenceLoggedQuietly() throws Exception {
        SimPage page = fx.page(0);
        SyncResult result = new SyncService(failingOnTheThirdListing(new IllegalStateException("The disk is full.")), fx.store)
                .sync(fx.request(page, false), SyncListener.NONE, new CancelSignal());

        assertEquals("The disk is full.", result.error());
        assertEquals(0, app.inboxsync.testing.SecretWatch.events(ch.qos.logback.classic.Level.WARN), "said, not warned of");
        assertTrue(app.inboxsync.testing.SecretWatch.events(ch.qos.logback.classic.Level.DEBUG) > 0);
    }

    /**
     * The real client, except that the third conversations listing throws {@code failure} (a proxy, so the test
     * keeps up with new methods of the port).
     */
    private GraphGateway failingOnTheThirdListing(RuntimeException failure) {
        java.util.concurrent.atomic.AtomicInteger listings = new java.util.concurrent.atomic.AtomicInteger();
        return (GraphGateway) java.lang.reflect.Proxy.newProxyInstance(GraphGateway.class.getClassLoader(),
                new Class<?>[] {GraphGateway.class}, (proxy, method, args) -> {
                    if (method.getName().equals("conversations") && listings.incrementAndGet() == 3) {
                        throw failure;
                    }
                    try {
                        return method.invoke(fx.graph, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** Stores {@code watermark} as the Page's, as a pass that saw that time would. */
    private void setWatermark(SimPage page, Instant watermark) throws Exception {
        try (var c = fx.db.dataSource().getConnection();
             var s = c.prepareStatement("UPDATE facebook_pages SET last_synced_at = ? WHERE facebook_page_id = ?")) {
            s.setTimestamp(1, java.sql.Timestamp.from(watermark));
            s.setString(2, page.id());
            assertEquals(1, s.executeUpdate());
        }
        assertEquals(watermark, fx.watermark(page.id()));
    }

    @Test
    void aSecondSyncOfTheSamePageIsRefusedWhileTheFirstHoldsTheLock() {
        SimPage page = fx.page(0);
        try (InboxStore.SyncLock held = fx.store.tryLockPage(page.id()).orElseThrow()) {
            List<SyncEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
            SyncResult refused = fx.service.sync(fx.request(page, false), events::add, new CancelSignal());
            assertEquals(SyncResult.Status.ALREADY_RUNNING, refused.status());
            assertNotNull(refused.error());
            assertEquals(List.of(new SyncEvent.Failed(page.id(), SyncResult.Status.ALREADY_RUNNING, refused.error())), events,
                    "the listener hears why");
            assertEquals(0, fx.sim.requestCount(page.id()), "no Graph call made");
        }
        assertTrue(fx.sync(page).succeeded(), "the lock is free again");
    }

    @Test
    void syncAllRunsEveryPageAndOnePagesFailureDoesNotStopTheOthers() throws Exception {
        fx.sim.revokeToken(fx.page(1).id(), 460);
        List<SyncRequest> requests = List.of(fx.request(fx.page(0), false), fx.request(fx.page(1), false));

        List<SyncEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.Set<Thread> pageThreads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<SyncResult> results = new SyncAll(fx.service, 4).sync(requests, e -> {
            events.add(e);
            if (Thread.currentThread().getName().startsWith("sync-page-")) { // not the batch writers
                pageThreads.add(Thread.currentThread());
            }
        }, new CancelSignal());

        assertTrue(results.get(0).succeeded(), results.get(0).error());
        assertEquals(SyncResult.Status.FAILED, results.get(1).status());
        assertEquals(fx.sim.requestCount(fx.page(1).id()), results.get(1).apiCalls(), "the refused call was an API call");
        assertEquals(fx.sim.requestCount(fx.page(0).id()), results.get(0).apiCalls());
        SyncResult failed = results.get(1);
        assertTrue(events.contains(new SyncEvent.Failed(fx.page(1).id(), SyncResult.Status.FAILED, failed.error(),
                        failed.counts(), failed.apiCalls(), failed.conversationsSeen())),
                "the listener hears of the failure: " + events);
        assertEquals(2, pageThreads.size(), "one thread per Page");
        for (Thread t : pageThreads) {
            assertTrue(t.isDaemon(), "a page thread never keeps the JVM alive: " + t);
            t.join(30_000); // the pool is shut down once every Page is done: its threads end
            assertTrue(!t.isAlive(), "page thread " + t.getName() + " ended");
        }
        assertTrue(results.get(1).error().toLowerCase().contains("password"), results.get(1).error());
        fx.assertStoredEqualsSimulator(fx.page(0));
        assertEquals(1, fx.count("SELECT count(*) FROM facebook_pages WHERE token_status = 'invalid'"));
        assertEquals(1, fx.count("SELECT count(*) FROM sync_runs WHERE status = 'failed' AND error IS NOT NULL"));
    }
}
