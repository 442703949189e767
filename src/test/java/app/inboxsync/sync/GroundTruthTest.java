package app.inboxsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
        SyncResult result = fx.sync(page);

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
        try (var c = fx.db.dataSource().getConnection();
             var s = c.prepareStatement("UPDATE facebook_pages SET last_synced_at = ? WHERE facebook_page_id = ?")) {
            s.setTimestamp(1, java.sql.Timestamp.from(watermark));
            s.setString(2, page.id());
            assertEquals(1, s.executeUpdate());
        }
        assertEquals(watermark, fx.watermark(page.id()));

        SyncResult again = fx.sync(page);

        assertTrue(again.succeeded(), again.error());
        assertEquals(SyncMode.INCREMENTAL, again.mode());
        assertEquals(1, again.counts().conversationsUpdated(), "the conversation 2 minutes below the watermark");
        assertEquals(1, fx.count("SELECT count(*) FROM messenger_messages WHERE message_id = '" + late.id() + "'"));
        fx.assertStoredEqualsSimulator(page);
    }

    @Test
    void aSecondSyncOfTheSamePageIsRefusedWhileTheFirstHoldsTheLock() {
        SimPage page = fx.page(0);
        try (InboxStore.SyncLock held = fx.store.tryLockPage(page.id()).orElseThrow()) {
            SyncResult refused = fx.sync(page);
            assertEquals(SyncResult.Status.ALREADY_RUNNING, refused.status());
            assertNotNull(refused.error());
            assertEquals(0, fx.sim.requestCount(page.id()), "no Graph call made");
        }
        assertTrue(fx.sync(page).succeeded(), "the lock is free again");
    }

    @Test
    void syncAllRunsEveryPageAndOnePagesFailureDoesNotStopTheOthers() throws Exception {
        fx.sim.revokeToken(fx.page(1).id(), 460);
        List<SyncRequest> requests = List.of(fx.request(fx.page(0), false), fx.request(fx.page(1), false));

        List<SyncResult> results = new SyncAll(fx.service, 4).sync(requests, SyncListener.NONE, new CancelSignal());

        assertTrue(results.get(0).succeeded(), results.get(0).error());
        assertEquals(SyncResult.Status.FAILED, results.get(1).status());
        assertTrue(results.get(1).error().toLowerCase().contains("password"), results.get(1).error());
        fx.assertStoredEqualsSimulator(fx.page(0));
        assertEquals(1, fx.count("SELECT count(*) FROM facebook_pages WHERE token_status = 'invalid'"));
        assertEquals(1, fx.count("SELECT count(*) FROM sync_runs WHERE status = 'failed' AND error IS NOT NULL"));
    }
}
