package app.inboxsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Pages shared between processes on one database: stalest first, a Page another process holds or finished this
 * round skipped with a notice and no run row, on the real store and simulator.
 */
class SharedRoundTest {
    private SyncFixture fx;

    @BeforeEach
    void start() {
        fx = new SyncFixture(SimulatorConfig.small(14).withPages(3).withConversations(6).withAverageMessages(3));
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    private SharedRound roundFromNow() {
        return new SharedRound(fx.store.databaseNow());
    }

    private long runs(String pageId) throws Exception {
        return fx.count("SELECT count(*) FROM sync_runs WHERE page_id = '" + pageId + "'");
    }

    @Test
    void neverSyncedComeFirstThenTheOldestCompletedSyncTiesByPageId() throws Exception {
        SimPage a = fx.page(0);
        SimPage b = fx.page(1);
        SimPage c = fx.page(2);
        assertTrue(fx.sync(b).succeeded());
        assertTrue(fx.sync(a).succeeded()); // a is now the freshest, b older, c never synced
        List<SyncRequest> asked = List.of(fx.request(a, false), fx.request(b, false), fx.request(c, false));

        List<SyncRequest> ordered = SharedRound.stalestFirst(asked, fx.store::lastCompletedSync);

        assertEquals(List.of(c.id(), b.id(), a.id()), ordered.stream().map(SyncRequest::pageId).toList());
        Map<String, Optional<Instant>> none = Map.of();
        List<SyncRequest> neverSynced = List.of(fx.request(c, false), fx.request(a, false), fx.request(b, false));
        assertEquals(neverSynced.stream().map(SyncRequest::pageId).sorted().toList(),
                SharedRound.stalestFirst(neverSynced, id -> none.getOrDefault(id, Optional.empty())).stream()
                        .map(SyncRequest::pageId).toList(), "the same order in every process");
    }

    @Test
    void aPageAnotherProcessHoldsIsSkippedAsSyncingElsewhereWithoutARunOrACall() throws Exception {
        SimPage held = fx.page(0);
        SimPage free = fx.page(1);
        List<SyncEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (InboxStore.SyncLock lock = fx.store.tryLockPage(held.id()).orElseThrow()) {
            List<SyncResult> results = new SyncAll(fx.service, 2).sync(
                    List.of(fx.request(held, false), fx.request(free, false)), roundFromNow(), events::add,
                    new CancelSignal());

            assertEquals(SyncResult.Status.ALREADY_RUNNING, results.get(0).status());
            assertTrue(results.get(0).error().contains("syncing elsewhere"), results.get(0).error());
            assertTrue(results.get(1).succeeded(), results.get(1).error());
        }
        assertEquals(0, runs(held.id()), "no sync_runs row for the skipped Page");
        assertEquals(0, fx.sim.requestCount(held.id()), "no Graph call for it");
        assertTrue(events.stream().noneMatch(e -> e instanceof SyncEvent.Started s && s.pageId().equals(held.id())));
        fx.assertStoredEqualsSimulator(free);
    }

    @Test
    void aPageFinishedElsewhereDuringTheRoundIsNotSyncedAgainOneFinishedBeforeIs() throws Exception {
        SimPage before = fx.page(0);
        SimPage during = fx.page(1);
        assertTrue(fx.sync(before).succeeded());
        SharedRound round = roundFromNow();
        assertTrue(fx.sync(during).succeeded(), "another process finishes it after our round began");
        long callsBefore = fx.sim.requestCount(before.id());
        long callsDuring = fx.sim.requestCount(during.id());

        SyncResult skipped = fx.service.sync(fx.request(during, false), round, SyncListener.NONE, new CancelSignal());
        SyncResult synced = fx.service.sync(fx.request(before, false), round, SyncListener.NONE, new CancelSignal());

        assertEquals(SyncResult.Status.ALREADY_RUNNING, skipped.status());
        assertTrue(skipped.error().contains("synced elsewhere during this round"), skipped.error());
        assertEquals(callsDuring, fx.sim.requestCount(during.id()), "no Graph call for the fresh Page");
        assertEquals(1, runs(during.id()));
        assertTrue(synced.succeeded(), synced.error());
        assertTrue(fx.sim.requestCount(before.id()) > callsBefore);
        assertEquals(2, runs(before.id()));
    }

    @Test
    void aFailedSyncElsewhereLeavesThePageDue() throws Exception {
        SimPage page = fx.page(0);
        SharedRound round = roundFromNow();
        fx.sim.revokeToken(page.id(), 460);
        assertEquals(SyncResult.Status.FAILED, fx.sync(page).status());

        assertFalse(round.done(fx.store.lastCompletedSync(page.id())), "only a succeeded sync counts as done");
    }

    @Test
    void withoutARoundALockedPageIsStillRefusedAsBefore() {
        SimPage page = fx.page(0);
        try (InboxStore.SyncLock held = fx.store.tryLockPage(page.id()).orElseThrow()) {
            SyncResult refused = fx.sync(page);
            assertEquals(SyncResult.Status.ALREADY_RUNNING, refused.status());
            assertTrue(refused.error().startsWith("Another sync of page "), refused.error());
        }
    }

    @Test
    void aWatchRoundCountsNineTenthsOfTheIntervalAsFreshALaunchRoundSinceTheLaunch() {
        Instant now = Instant.parse("2026-12-03T12:00:00Z");
        SharedRound watch = SharedRound.everyInterval(now, Duration.ofMinutes(10));
        assertTrue(watch.done(Optional.of(now.minus(Duration.ofMinutes(8)))));
        assertFalse(watch.done(Optional.of(now.minus(Duration.ofMinutes(9)).minusSeconds(1))));
        assertFalse(watch.done(Optional.empty()));
        SharedRound launch = SharedRound.sinceLaunch(now, Duration.ofSeconds(4));
        assertTrue(launch.done(Optional.of(now.minusSeconds(3))));
        assertFalse(launch.done(Optional.of(now.minusSeconds(5))));
    }
}
