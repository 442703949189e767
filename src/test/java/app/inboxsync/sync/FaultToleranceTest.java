package app.inboxsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.SyncMode;
import app.inboxsync.simulator.Fault;
import app.inboxsync.simulator.SimConversation;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** Facebook misbehaves in every documented way during a sync; the copy still ends exactly right. */
class FaultToleranceTest {

    @Test
    void transientFailuresAreRetriedAndLoseNothing() throws Exception {
        try (SyncFixture fx = new SyncFixture(SimulatorConfig.small(61).withPages(1).withConversations(200), 8, GraphObserver.NONE)) {
            SimPage page = fx.page(0);
            fx.sim.faults().failRandomly(0.05, new Fault.DropConnection(), 1);
            fx.sim.faults().failRandomly(0.05, new Fault.ServerError(502), 2);
            fx.sim.faults().failRandomly(0.05, new Fault.MalformedJson(), 3);
            fx.sim.faults().failRandomly(0.05, new Fault.GraphError(500, 2, 0, "An unexpected error has occurred. Please retry your request later."), 4);

            SyncResult result = fx.sync(page);

            assertTrue(result.succeeded(), result.error());
            fx.sim.faults().clear();
            fx.assertStoredEqualsSimulator(page);
            assertEquals(result.apiCalls(), fx.sim.requestCount(page.id()), "every attempt is counted as an API call");
        }
    }

    @Test
    void reduceTheAmountOfDataLowersTheLimitAndGoesOn() throws Exception {
        try (SyncFixture fx = new SyncFixture(SimulatorConfig.small(62).withPages(1).withConversations(120))) {
            SimPage page = fx.page(0);
            fx.sim.faults().failNext(2, new Fault.GraphError(400, 1, 0,
                    "Please reduce the amount of data you're asking for, then retry your request"));

            SyncResult result = fx.sync(page);

            assertTrue(result.succeeded(), result.error());
            fx.assertStoredEqualsSimulator(page);
        }
    }

    @Test
    void theRateLimitMakesTheSyncWaitNotFail() throws Exception {
        List<String> waits = new CopyOnWriteArrayList<>();
        GraphObserver observer = (pageId, pause, reason) -> waits.add(reason);
        // the simulator allows 3 calls/s; the client does not pace itself, so it runs into code 32/80001 even on a
        // machine so busy that it manages only a few calls a second
        try (SyncFixture fx = new SyncFixture(SimulatorConfig.small(63).withPages(1).withConversations(120).withRate(3), 3, observer)) {
            SimPage page = fx.page(0);

            SyncResult result = fx.sync(page);

            assertTrue(result.succeeded(), result.error());
            assertFalse(waits.isEmpty(), "the client said it was waiting for the rate limit");
            assertTrue(waits.stream().anyMatch(w -> w.toLowerCase().contains("rate limit")), waits.toString());
            fx.assertStoredEqualsSimulator(page);
        }
    }

    @Test
    void aCancelCutsALongRateLimitWaitShort() throws Exception {
        try (SyncFixture fx = new SyncFixture(SimulatorConfig.small(66).withPages(1).withConversations(50))) {
            SimPage page = fx.page(0);
            // throttled again and again: the client would back off 1 + 2 + 4 + 8 + … seconds
            fx.sim.faults().failNext(20, new Fault.GraphError(400, 32, 0, "(#32) Page request limit reached"));
            CancelSignal cancel = new CancelSignal();
            var timer = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            timer.schedule(cancel::cancel, 1500, java.util.concurrent.TimeUnit.MILLISECONDS);
            long start = System.nanoTime();

            List<SyncResult> results = new SyncAll(fx.service, 1).sync(List.of(fx.request(page, false)), SyncListener.NONE, cancel);
            timer.shutdown();

            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(SyncResult.Status.CANCELLED, results.get(0).status(), results.get(0).error());
            assertTrue(seconds < 5, "stopped soon after the cancel, not after the backoff: " + seconds + " s");
            assertEquals(1, fx.count("SELECT count(*) FROM sync_runs WHERE status = 'cancelled'"), "recorded");
            assertEquals(0, fx.count("SELECT count(*) FROM sync_runs WHERE status = 'running'"));
        }
    }

    @Test
    void outOfOrderListingsMakeAnIncrementalSyncReadTheFolderToItsEnd() throws Exception {
        try (SyncFixture fx = new SyncFixture(SimulatorConfig.small(64).withPages(1).withConversations(160))) {
            SimPage page = fx.page(0);
            assertTrue(fx.sync(page).succeeded());
            List<SimConversation> all = fx.sim.conversations(page.id());
            fx.sim.addMessage(all.get(100).id(), true, "out of order?");
            fx.sim.faults().failNext(1, new Fault.ShuffledOrder());
            List<SyncEvent> events = new CopyOnWriteArrayList<>();

            SyncResult result = fx.service.sync(fx.request(page, false), events::add, new CancelSignal());

            assertTrue(result.succeeded(), result.error());
            assertEquals(SyncMode.INCREMENTAL, result.mode());
            assertTrue(events.stream().anyMatch(e -> e instanceof SyncEvent.Notice n && n.message().contains("out of order")),
                    events.toString());
            assertTrue(result.apiCalls() > 4, "the disordered folder was read to its end");
            fx.assertStoredEqualsSimulator(page);
        }
    }

    @Test
    void aListenerThatThrowsDoesNotFailTheSync() throws Exception {
        try (SyncFixture fx = new SyncFixture(SimulatorConfig.small(67).withPages(1).withConversations(120))) {
            SimPage page = fx.page(0);
            SyncResult result = fx.service.sync(fx.request(page, false), event -> {
                throw new IllegalStateException("a broken progress view");
            }, new CancelSignal());
            assertTrue(result.succeeded(), result.error());
            fx.assertStoredEqualsSimulator(page);
        }
    }

    @Test
    void eventsTellTheStoryOfASyncInOrder() throws Exception {
        try (SyncFixture fx = new SyncFixture(SimulatorConfig.small(65).withPages(1).withConversations(250))) {
            SimPage page = fx.page(0);
            List<SyncEvent> events = new CopyOnWriteArrayList<>();

            SyncResult result = fx.service.sync(fx.request(page, false), events::add, new CancelSignal());

            assertTrue(result.succeeded(), result.error());
            assertTrue(events.get(0) instanceof SyncEvent.Started s && s.mode() == SyncMode.FULL, events.get(0).toString());
            SyncEvent last = events.get(events.size() - 1);
            assertTrue(last instanceof SyncEvent.Completed, last.toString());
            List<SyncEvent.BatchCompleted> batches = events.stream().filter(e -> e instanceof SyncEvent.BatchCompleted)
                    .map(e -> (SyncEvent.BatchCompleted) e).toList();
            assertTrue(batches.size() >= 3, "one batch per Graph page of conversations: " + batches.size());
            for (int i = 0; i < batches.size(); i++) {
                assertEquals(i + 1, batches.get(i).batch());
                assertTrue(i == 0 || batches.get(i).total() >= batches.get(i - 1).total(), "totals only grow");
            }
            assertEquals(250, batches.get(batches.size() - 1).total());
            assertEquals(250, ((SyncEvent.Completed) last).counts().conversationsInserted());
        }
    }
}
