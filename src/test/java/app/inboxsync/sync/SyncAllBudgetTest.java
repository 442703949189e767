package app.inboxsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Message;
import app.inboxsync.domain.PageListing;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.domain.Secret;
import app.inboxsync.graph.GraphClient;
import app.inboxsync.simulator.GraphSimulator;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Many Pages syncing at once through {@link SyncAll} from the Graph simulator (over HTTP, the real client) into the
 * in-memory store, sharing one small {@link BatchBudget}: every answer in memory is held on it, they wait for it
 * rather than fail, and a failure or a cancel leaves nothing held.
 */
class SyncAllBudgetTest {
    private static final int PAGES = 16;
    private static final int AT_ONCE = 8;
    private static final long BUDGET = 3L << 20;

    private final MemoryStore store = new MemoryStore(new PageState("0", "Page 0", null, Folder.ALL, 0));

    SyncAllBudgetTest() {
        store.anyPage = true;
    }

    private static List<SyncRequest> requests(GraphSimulator sim) {
        return sim.pages().stream()
                .map(p -> new SyncRequest(new PageAccess(p.id(), Secret.of(p.token())), null, true)).toList();
    }

    private static GraphSimulator simulator() {
        return GraphSimulator.start(SimulatorConfig.small(1414).withPages(PAGES).withConversations(250)
                .withAverageMessages(20).withLongShare(0.10));
    }

    @Test
    void manyPagesHoldTheirAnswersOnTheBudgetFromBeforeTheyComeUntilTheyAreWritten() {
        BatchBudget budget = new BatchBudget(BUDGET);
        store.writeMillis = 15; // a database slower than Graph, so fetched batches pile up without a budget
        try (GraphSimulator sim = simulator(); GraphClient client = new GraphClient(SyncFixture.unpaced(sim, 3),
                GraphObserver.NONE)) {
            // Counted apart from the budget, item by item: from the answer that brought it to the write that stored it.
            AtomicLong inMemory = new AtomicLong();
            AtomicLong most = new AtomicLong();
            AtomicLong largestAnswer = new AtomicLong();
            CountingGraph graph = new CountingGraph(client, bytes -> {
                largestAnswer.accumulateAndGet(bytes, Math::max);
                most.accumulateAndGet(inMemory.addAndGet(bytes), Math::max);
            });
            store.onStored = (cs, ms) -> inMemory.addAndGet(-(itemBytes(cs) + messageBytes(ms)));

            List<SyncResult> results = new SyncAll(new SyncService(graph, store, budget), AT_ONCE)
                    .sync(requests(sim), SyncListener.NONE, new CancelSignal());

            assertTrue(results.stream().allMatch(SyncResult::succeeded), results.toString());
            assertEquals(sim.pages().stream().mapToInt(p -> sim.conversations(p.id()).size()).sum(),
                    store.conversations.size(), "every Page's conversations are stored");
            assertEquals(0, inMemory.get(), "everything fetched was written (the count apart is right)");
            assertTrue(largestAnswer.get() < BUDGET, "the test's answers fit the budget: " + largestAnswer.get());
            assertTrue(budget.waits() > 0, "the budget was spent, so Pages waited for it");
            assertTrue(most.get() <= budget.peakBytes(), "every answer in memory was held on the budget from before "
                    + "it came: " + most.get() + " in memory, " + budget.peakBytes() + " held at most");
            // Past the budget only by answers larger than their Page expected, at most one per Page at once.
            long bound = BUDGET + AT_ONCE * largestAnswer.get();
            assertTrue(budget.peakBytes() <= bound, "held " + budget.peakBytes() + " > " + bound);
            assertEquals(0, budget.heldBytes(), "nothing is held after the round");
        }
    }

    @Test
    void failedWritesGiveEveryHoldBack() {
        BatchBudget budget = new BatchBudget(BUDGET);
        store.writesThatSucceed = 5;
        try (GraphSimulator sim = simulator(); GraphClient client = new GraphClient(SyncFixture.unpaced(sim, 3),
                GraphObserver.NONE)) {
            List<SyncResult> results = new SyncAll(new SyncService(client, store, budget), AT_ONCE)
                    .sync(requests(sim), SyncListener.NONE, new CancelSignal());
            assertTrue(results.stream().noneMatch(SyncResult::succeeded), results.toString());
            assertEquals(0, budget.heldBytes(), "a failed Page holds nothing");
            assertTrue(budget.tryAcquire(BUDGET) != null, "and nobody is left waiting in the queue");
        }
    }

    @Test
    void aCancelWhilePagesWaitForTheBudgetEndsThemAndGivesEveryHoldBack() {
        BatchBudget budget = new BatchBudget(1L << 20);
        store.writeMillis = 100;
        CancelSignal cancel = new CancelSignal();
        store.onWrite = () -> {
            if (budget.waits() >= AT_ONCE) {
                cancel.cancel();
            }
        };
        try (GraphSimulator sim = simulator(); GraphClient client = new GraphClient(SyncFixture.unpaced(sim, 3),
                GraphObserver.NONE)) {
            List<SyncResult> results = new SyncAll(new SyncService(client, store, budget), AT_ONCE)
                    .sync(requests(sim), SyncListener.NONE, cancel);
            assertTrue(cancel.isCancelled(), "Pages waited for the budget, and the cancel came");
            assertTrue(results.stream().allMatch(r -> r.status() == SyncResult.Status.CANCELLED), results.toString());
            assertEquals(0, budget.heldBytes(), "a cancelled Page holds nothing");
        }
    }

    private static long itemBytes(List<Conversation> cs) {
        long bytes = 0;
        for (Conversation c : cs) {
            bytes += conversationBytes(c);
        }
        return bytes;
    }

    private static long conversationBytes(Conversation c) {
        return BatchBytes.of(new ConversationBatch(List.of(new FetchedConversation(c, List.of(), null)), null, 0))
                - BatchBytes.of(new ConversationBatch(List.of(), null, 0));
    }

    private static long messageBytes(List<Message> ms) {
        return BatchBytes.of(new MessageBatch(ms, null, 0)) - BatchBytes.of(new MessageBatch(List.of(), null, 0));
    }

    /** Tells what each answer brings, counted as {@link #itemBytes} and {@link #messageBytes} count it again. */
    private record CountingGraph(GraphGateway graph, java.util.function.LongConsumer answered) implements GraphGateway {
        @Override
        public ConversationBatch conversations(PageAccess page, Folder folder, int limit, int nested, Cursor after) {
            ConversationBatch batch = graph.conversations(page, folder, limit, nested, after);
            long bytes = 0;
            for (FetchedConversation f : batch.conversations()) {
                bytes += conversationBytes(f.conversation()) + messageBytes(f.messages());
            }
            answered.accept(bytes);
            return batch;
        }

        @Override
        public MessageBatch messages(PageAccess page, String conversationId, Cursor next) {
            MessageBatch batch = graph.messages(page, conversationId, next);
            answered.accept(messageBytes(batch.messages()));
            return batch;
        }

        @Override
        public PageProfile identifyPage(Secret pageToken) {
            return graph.identifyPage(pageToken);
        }

        @Override
        public PageListing listPages(Secret userToken) {
            return graph.listPages(userToken);
        }
    }
}
