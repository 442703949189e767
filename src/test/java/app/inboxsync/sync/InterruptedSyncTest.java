package app.inboxsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.simulator.Fault;
import app.inboxsync.simulator.SimConversation;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A sync stopped at a random point (cancelled, or failed by Facebook) and run again ends equal to the
 * simulator, with no duplicates, and the watermark is never moved by a pass that did not complete.
 */
class InterruptedSyncTest {

    @Test
    void cancelledOrFailedAtRandomPointsThenRerunEndsEqual() throws Exception {
        Random random = new Random(2024);
        try (SyncFixture fx = new SyncFixture(SimulatorConfig.small(5).withPages(1).withConversations(220).withAverageMessages(30))) {
            SimPage page = fx.page(0);
            for (int round = 0; round < 6; round++) {
                Instant watermarkBefore = fx.watermark(page.id());
                SyncResult stopped = round % 2 == 0 ? cancelAfter(fx, page, 1 + random.nextInt(12)) : failAfter(fx, page, random);
                assertNotEquals(SyncResult.Status.SUCCEEDED, stopped.status(), "round " + round + " was meant to be cut short");
                assertEquals(watermarkBefore, fx.watermark(page.id()), "an unfinished pass leaves the watermark as it was");
                fx.assertWatermarkNotAheadOfData(page);
                // Facebook keeps changing in between
                List<SimConversation> all = fx.sim.conversations(page.id());
                fx.sim.addMessage(all.get(random.nextInt(all.size())).id(), true, "late message " + round);
                if (round == 3) {
                    fx.sim.addConversation(page.id(), "other", 120);
                }
            }
            SyncResult finished = fx.sync(page);
            assertTrue(finished.succeeded(), finished.error());
            if (finished.mode() == app.inboxsync.domain.SyncMode.INCREMENTAL) {
                // catch up once more in case Facebook changed during the last pass
                assertTrue(fx.sync(page).succeeded());
            }
            fx.assertStoredEqualsSimulator(page);
            fx.assertNoDuplicates();
            assertTrue(fx.count("SELECT count(*) FROM sync_runs WHERE status = 'cancelled'") >= 3);
        }
    }

    private static SyncResult cancelAfter(SyncFixture fx, SimPage page, int requests) {
        CancelSignal cancel = new CancelSignal();
        AtomicInteger seen = new AtomicInteger();
        fx.sim.addListener(info -> {
            if (Objects.equals(info.pageId(), page.id()) && seen.incrementAndGet() == requests) {
                cancel.cancel();
            }
        });
        return fx.service.sync(fx.request(page, false), SyncListener.NONE, cancel);
    }

    private static SyncResult failAfter(SyncFixture fx, SimPage page, Random random) {
        // a non-retryable Graph error on one random request of this run (not code 100: on one thread's messages
        // that is history Facebook withholds, which no longer fails the Page)
        fx.sim.faults().failRandomly(0.15, new Fault.GraphError(400, 3, 0, "Injected failure"), random.nextLong());
        try {
            SyncResult r = fx.sync(page);
            for (int i = 0; i < 5 && r.succeeded(); i++) {
                r = fx.sync(page);
            }
            return r;
        } finally {
            fx.sim.faults().clear();
        }
    }
}
