package app.inboxsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.SyncMode;
import app.inboxsync.simulator.Fault;
import app.inboxsync.simulator.RequestInfo;
import app.inboxsync.simulator.SimConversation;
import app.inboxsync.simulator.SimMessage;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The two phases of a pass against the simulator over HTTP and the embedded PostgreSQL: the whole list first
 * (every conversation with its nested newest messages), the older history after it; history state per
 * conversation; a pass stopped in its history phase carried on by the next sync for fewer calls than a fresh one.
 */
class TwoPhaseSyncTest {
    private static final int NESTED = GraphGateway.MAX_LIMIT;

    @Test
    void theWholeListIsStoredBeforeAnyOlderMessageIsFetchedAndTheHistoryEndsExact() throws Exception {
        try (SyncFixture fx = new SyncFixture(SimulatorConfig.small(91).withPages(1).withConversations(260)
                .withLongShare(0.2).withHugeShare(0.01))) {
            SimPage page = fx.page(0);
            List<String> paths = new CopyOnWriteArrayList<>();
            fx.sim.addListener(info -> paths.add(info.path()));
            AtomicReference<Map<String, Set<String>>> atListingEnd = new AtomicReference<>();
            AtomicReference<Map<String, String>> statesAtListingEnd = new AtomicReference<>();
            AtomicInteger callsAtListingEnd = new AtomicInteger(-1);
            List<SyncEvent.History> history = new CopyOnWriteArrayList<>();
            AtomicReference<SyncEvent.Completed> completed = new AtomicReference<>();
            SyncListener listener = event -> {
                if (event instanceof SyncEvent.Completed c) {
                    completed.set(c);
                }
                if (event instanceof SyncEvent.History h) {
                    if (history.isEmpty()) {
                        callsAtListingEnd.set(paths.size());
                        atListingEnd.set(storedMessageIds(fx, page.id()));
                        statesAtListingEnd.set(states(fx, page.id()));
                    }
                    history.add(h);
                }
            };
            SyncResult result = fx.service.sync(fx.request(page, false), listener, new CancelSignal());
            assertTrue(result.succeeded(), result.error());

            // phase 1: only listing calls, and then every conversation is stored with exactly its nested page
            List<String> listing = paths.subList(0, callsAtListingEnd.get());
            assertTrue(listing.stream().allMatch(p -> p.endsWith("/conversations")), listing.toString());
            Map<String, Set<String>> stored = atListingEnd.get();
            List<SimConversation> all = fx.sim.conversations(page.id());
            assertEquals(all.size(), stored.size(), "every conversation is stored once the list is");
            int long_ = 0;
            for (SimConversation c : all) {
                List<SimMessage> newest = fx.sim.messages(c.id());
                Set<String> nested = new TreeSet<>();
                newest.subList(0, Math.min(NESTED, newest.size())).forEach(m -> nested.add(m.id()));
                assertEquals(nested, stored.get(c.id()), "the nested newest messages of " + c.id());
                String state = statesAtListingEnd.get().get(c.id());
                if (newest.size() > NESTED) {
                    long_++;
                    assertEquals("pending", state, c.id() + " has older messages still to fetch");
                } else {
                    assertTrue(state.equals("complete") || state.equals("withheld"), state);
                }
            }
            assertTrue(long_ > 40, "the world has long threads: " + long_);
            assertTrue(all.stream().anyMatch(c -> c.messageCount() > 1000), "and at least one past 1,000 messages");

            // phase 2: the history, counted down to zero, then the copy is exact field for field
            assertEquals(long_, history.get(0).conversationsLeft());
            assertEquals(minimumHistoryCalls(fx, page), history.get(0).pagesLeft(),
                    "the estimate from Graph's message counts: one page per further 100 messages");
            SyncEvent.History last = history.get(history.size() - 1);
            assertEquals(0, last.conversationsLeft());
            assertEquals(0, last.pagesLeft());
            assertEquals(minimumHistoryCalls(fx, page), last.pagesDone(), "one call per further 100 messages");
            // the listing's time is the time until the list was stored, not the whole pass with its history
            SyncEvent.Completed done = completed.get();
            assertTrue(done.listingElapsed().compareTo(done.elapsed()) < 0 && !done.listingElapsed().isZero(),
                    "listing " + done.listingElapsed() + " of " + done.elapsed());
            fx.assertStoredEqualsSimulator(page);
            fx.assertNoDuplicates();
            assertEquals(0, fx.count("SELECT count(*) FROM messenger_conversations WHERE history_state = 'pending'"));
            Coverage coverage = fx.store.coverage(page.id());
            assertEquals(all.size(), coverage.conversations());
            assertEquals(all.stream().mapToLong(c -> fx.sim.messages(c.id()).size()).sum(), coverage.messages());
            assertEquals(0, coverage.pendingHistories());

            // nothing changed: one call per folder, as before the two phases
            SyncResult again = fx.sync(page);
            assertTrue(again.succeeded(), again.error());
            assertEquals(SyncMode.INCREMENTAL, again.mode());
            assertEquals(Folder.ALL.size(), again.apiCalls());
        }
    }

    @Test
    void aFailedLastHistoryWriteFailsTheSyncAndKeepsTheWatermark() throws Exception {
        try (SyncFixture fx = new SyncFixture(SimulatorConfig.small(91).withPages(1).withConversations(40)
                .withLongShare(0.2))) {
            SimPage page = fx.page(0);
            // the history walks the long threads in listing order (folder by folder, newest first): the last
            // write of the pass is the one that marks the last of them complete
            SimConversation last = null;
            for (Folder folder : Folder.ALL) {
                for (SimConversation c : fx.sim.conversations(page.id()).stream()
                        .filter(c -> c.folder().equals(folder.wireName()) && c.messageCount() > NESTED)
                        .sorted(java.util.Comparator.comparing(SimConversation::updatedTime).reversed()).toList()) {
                    last = c;
                }
            }
            assertTrue(last != null, "a thread with a history phase");
            String lastId = last.id();
            // that write fails, as a full disk would: nothing after it would notice but the pass's end
            InboxStore failingHistory = (InboxStore) java.lang.reflect.Proxy.newProxyInstance(
                    InboxStore.class.getClassLoader(), new Class<?>[] {InboxStore.class}, (proxy, method, args) -> {
                        if (method.getName().equals("writeBatch") && args.length == 4 && ((List<?>) args[1]).isEmpty()
                                && ((List<?>) args[3]).stream().anyMatch(m -> ((HistoryMark) m).conversationId().equals(lastId)
                                        && ((HistoryMark) m).state() != HistoryState.PENDING)) {
                            throw new IllegalStateException("The disk is full.");
                        }
                        try {
                            return method.invoke(fx.store, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });

            SyncResult result = new SyncService(fx.graph, failingHistory)
                    .sync(fx.request(page, false), SyncListener.NONE, new CancelSignal());

            assertEquals(SyncResult.Status.FAILED, result.status(), "the failed write is not swallowed");
            assertEquals(null, fx.watermark(page.id()), "the watermark does not move past what was not written");
        }
    }

    @Test
    void moreNewMessagesThanTheNestedPageHoldsAreAllFetchedAndNothingOlderIsWalkedAgain() throws Exception {
        try (SyncFixture fx = new SyncFixture(SimulatorConfig.small(92).withPages(1).withConversations(60)
                .withLongShare(0.3))) {
            SimPage page = fx.page(0);
            assertTrue(fx.sync(page).succeeded());
            SimConversation busy = fx.sim.conversations(page.id()).stream()
                    .filter(c -> c.messageCount() > NESTED).findFirst().orElseThrow();
            for (int i = 0; i < 150; i++) {
                fx.sim.addMessage(busy.id(), i % 3 != 0, "burst " + i);
            }
            List<String> paths = new CopyOnWriteArrayList<>();
            fx.sim.addListener(info -> paths.add(info.path()));
            SyncResult result = fx.sync(page);
            assertTrue(result.succeeded(), result.error());
            fx.assertStoredEqualsSimulator(page);
            fx.assertNoDuplicates();
            // the nested page held 100 of the 150 new ones; one more page reaches the stored ones, and no further
            assertEquals(1, paths.stream().filter(p -> p.endsWith("/messages")).count(), paths.toString());
            assertEquals("complete", states(fx, page.id()).get(busy.id()));
        }
    }

    @Test
    void aPassCancelledOrFailedInItsHistoryIsFinishedByTheNextForFewerCallsThanAFreshOne() throws Exception {
        Random random = new Random(99);
        for (int round = 0; round < 4; round++) {
            try (SyncFixture fx = new SyncFixture(SimulatorConfig.small(93 + round).withPages(1).withConversations(150)
                    .withLongShare(0.25).withHugeShare(0.02))) {
                SimPage page = fx.page(0);
                int fresh = freshFullSyncCalls(fx, page);
                int listingCalls = listingCalls(fx, page);
                // somewhere in the history phase, past its first third (so some thread is done)
                int history = fresh - listingCalls;
                int stopAt = listingCalls + history / 3 + random.nextInt(history - history / 3 - 1);
                SyncResult stopped = round % 2 == 0 ? cancelAtCall(fx, page, stopAt) : failAtCall(fx, page, stopAt);
                assertTrue(stopped.status() == SyncResult.Status.CANCELLED || stopped.status() == SyncResult.Status.FAILED,
                        "round " + round + ": " + stopped.status());
                assertEquals(null, fx.watermark(page.id()), "a pass stopped in its history leaves no watermark");
                assertEquals(fx.sim.conversations(page.id()).size(),
                        fx.count("SELECT count(*) FROM messenger_conversations"), "the list is kept");
                long pending = fx.count("SELECT count(*) FROM messenger_conversations WHERE history_state = 'pending'");
                assertTrue(pending > 0, "histories are left pending");
                long storedBefore = fx.count("SELECT count(*) FROM messenger_messages");

                SyncResult resumed = fx.sync(page);
                assertTrue(resumed.succeeded(), resumed.error());
                fx.assertStoredEqualsSimulator(page);
                fx.assertNoDuplicates();
                fx.assertWatermarkNotAheadOfData(page);
                assertEquals(0, fx.count("SELECT count(*) FROM messenger_conversations WHERE history_state = 'pending'"));
                assertTrue(fx.count("SELECT count(*) FROM messenger_messages") > storedBefore);
                assertTrue(resumed.apiCalls() < fresh, "round " + round + ": the next sync costs " + resumed.apiCalls()
                        + " calls, a fresh full sync " + fresh);
            }
        }
    }

    /** Cancels the sync while the simulator answers its {@code n}th call. */
    private static SyncResult cancelAtCall(SyncFixture fx, SimPage page, int n) {
        CancelSignal cancel = new CancelSignal();
        AtomicInteger seen = new AtomicInteger();
        fx.sim.addListener(info -> {
            if (Objects.equals(info.pageId(), page.id()) && seen.incrementAndGet() == n) {
                cancel.cancel();
            }
        });
        return fx.service.sync(fx.request(page, false), SyncListener.NONE, cancel);
    }

    /** A Graph error no retry fixes, and that is no withheld history (code 3), on the {@code n}th call. */
    private static SyncResult failAtCall(SyncFixture fx, SimPage page, int n) {
        AtomicInteger seen = new AtomicInteger();
        fx.sim.faults().failNext(1, new Fault.GraphError(400, 3, 0, "(#3) Injected failure"),
                (RequestInfo info) -> seen.incrementAndGet() >= n);
        try {
            return fx.sync(page);
        } finally {
            fx.sim.faults().clear();
        }
    }

    /** What a full sync of this world costs at least: its listing plus one call per further 100 messages. */
    private static int freshFullSyncCalls(SyncFixture fx, SimPage page) {
        return listingCalls(fx, page) + minimumHistoryCalls(fx, page);
    }

    private static int listingCalls(SyncFixture fx, SimPage page) {
        Map<String, Integer> perFolder = new HashMap<>();
        for (SimConversation c : fx.sim.conversations(page.id())) {
            perFolder.merge(c.folder(), 1, Integer::sum);
        }
        int calls = 0;
        for (Folder f : Folder.ALL) {
            calls += Math.max(1, (perFolder.getOrDefault(f.wireName(), 0) + NESTED - 1) / NESTED);
        }
        return calls;
    }

    static int minimumHistoryCalls(SyncFixture fx, SimPage page) {
        int calls = 0;
        for (SimConversation c : fx.sim.conversations(page.id())) {
            calls += (Math.max(0, c.messageCount() - NESTED) + NESTED - 1) / NESTED;
        }
        return calls;
    }

    static Map<String, Set<String>> storedMessageIds(SyncFixture fx, String pageId) {
        Map<String, Set<String>> stored = new TreeMap<>();
        try (Connection c = fx.db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT c.conversation_id, m.message_id FROM messenger_conversations c"
                     + " LEFT JOIN messenger_messages m USING (conversation_id) WHERE c.page_id = ?")) {
            s.setString(1, pageId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Set<String> ids = stored.computeIfAbsent(rs.getString(1), k -> new TreeSet<>());
                    if (rs.getString(2) != null) {
                        ids.add(rs.getString(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return stored;
    }

    static Map<String, String> states(SyncFixture fx, String pageId) {
        Map<String, String> states = new TreeMap<>();
        try (Connection c = fx.db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT conversation_id, history_state FROM messenger_conversations WHERE page_id = ?")) {
            s.setString(1, pageId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    states.put(rs.getString(1), rs.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return states;
    }
}
