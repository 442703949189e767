package app.inboxsync.bench;

import app.inboxsync.app.AppContext;
import app.inboxsync.domain.Folder;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.domain.Secret;
import app.inboxsync.graph.GraphClient;
import app.inboxsync.graph.GraphSettings;
import app.inboxsync.simulator.GraphSimulator;
import app.inboxsync.simulator.SimConversation;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.store.read.PageRepository;
import app.inboxsync.store.server.Database;
import app.inboxsync.store.write.PostgresInboxStore;
import app.inboxsync.sync.CancelSignal;
import app.inboxsync.sync.GraphGateway;
import app.inboxsync.sync.GraphObserver;
import app.inboxsync.sync.PageAccess;
import app.inboxsync.sync.SyncAll;
import app.inboxsync.sync.SyncListener;
import app.inboxsync.sync.SyncRequest;
import app.inboxsync.sync.SyncResult;
import app.inboxsync.sync.SyncService;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The bench scenarios of issue 2, each on its own simulated world (distinct seeds, so distinct Pages). */
final class BenchScenarios {
    private static final List<Folder> ONE_FOLDER = List.of(Folder.INBOX);
    private final Database database;
    private final PrintWriter out;
    private final int conversations;
    private final long latencyMs;
    private final double rate;

    BenchScenarios(Database database, PrintWriter out, int conversations, long latencyMs, double rate) {
        this.database = database;
        this.out = out;
        this.conversations = conversations;
        this.latencyMs = latencyMs;
        this.rate = rate;
    }

    /** Full sync of one Page, then incremental with nothing new, then with 10 changed conversations. */
    BenchResult fullThenIncremental(List<BenchResult> results, boolean incremental) {
        try (GraphSimulator sim = simulator(101, 1, conversations, latencyMs, rate);
             GraphClient graph = client(sim, rate)) {
            SimPage page = sim.pages().get(0);
            SyncService service = service(graph, sim);
            ListingTimes listed = new ListingTimes();
            BenchResult full = measure("full, 1 page", rate, () -> List.of(syncOne(service, page, listed)),
                    minimumCalls(sim, page.id()), (wall, bound, msgs) -> wall <= 1.15 * bound + 1, "wall <= 1.15 x bound + 1 s, calls <= 1.1 x min");
            results.add(listed.result("  every conversation stored", rate, listingCalls(sim, page.id()), conversations, 1,
                    listedMessagesPerPage(sim)));
            results.add(full);
            if (incremental) {
                results.add(measure("incremental, nothing new", rate, () -> List.of(syncOne(service, page)), 1,
                        (wall, bound, msgs) -> wall < 1.0, "1 call, < 1 s"));
                Random random = new Random(7);
                List<SimConversation> all = sim.conversations(page.id());
                for (int i = 0; i < 10; i++) {
                    sim.addMessage(all.get(random.nextInt(all.size())).id(), true, "bench message " + i + " 🎉");
                }
                results.add(measure("incremental, 10 changed", rate, () -> List.of(syncOne(service, page)), 0,
                        (wall, bound, msgs) -> wall < 1.5, "< 1.5 s"));
            }
            return full;
        }
    }

    /**
     * What a newcomer sees: a Page synced with the default folder list (all four: inbox, page_done, other, spam,
     * the conversations spread over them as the simulator makes them), then an incremental sync with nothing
     * new, which asks each folder once: 4 calls, paced 1/rate apart.
     */
    void defaultFolders(List<BenchResult> results) {
        try (GraphSimulator sim = GraphSimulator.start(SimulatorConfig.small(404).withPages(1).withConversations(conversations)
                .withAverageMessages(20).withLongShare(0.10).withLatency(Duration.ofMillis(latencyMs)).withRate(rate));
             GraphClient graph = client(sim, rate)) {
            SimPage page = sim.pages().get(0);
            PageRepository pages = new PageRepository(database);
            pages.savePage(new PageProfile(page.id(), page.name(), page.category()));
            SyncService service = new SyncService(graph, new PostgresInboxStore(database), AppContext.configuredBatchBudget());
            SyncRequest request = new SyncRequest(new PageAccess(page.id(), Secret.of(page.token())), Folder.ALL, false);
            long folders = sim.conversations(page.id()).stream().map(SimConversation::folder).distinct().count();
            results.add(measure("full, 4 folders", rate, () -> List.of(service.sync(request, SyncListener.NONE, new CancelSignal())),
                    0, (wall, bound, msgs) -> wall <= 1.15 * bound + 1, "wall <= 1.15 x bound + 1 s (" + folders + " folders hold conversations)"));
            results.add(measure("incremental, 4 folders", rate, () -> List.of(service.sync(request, SyncListener.NONE, new CancelSignal())),
                    Folder.ALL.size(), (wall, bound, msgs) -> wall <= bound + 0.5, "1 call per folder, <= bound + 0.5 s"));
        }
    }

    /** {@code --all} over several Pages at once; each Page has its own rate limit. */
    void allPages(List<BenchResult> results, int pages, BenchResult onePage) {
        try (GraphSimulator sim = simulator(202, pages, conversations, latencyMs, rate);
             GraphClient graph = client(sim, rate)) {
            SyncService service = service(graph, sim);
            List<SyncRequest> requests = new ArrayList<>();
            int minimum = 0;
            for (SimPage page : sim.pages()) {
                requests.add(request(page));
                minimum += minimumCalls(sim, page.id());
            }
            // Pages differ now (a few threads past 1,000 messages each, unevenly spread), so "1.2 x one page" is
            // scaled by how much more the busiest Page has to fetch than the one-page scenario's; and they run at
            // the CLI's default parallelism for this heap: more Pages than that take turns.
            int parallel = Math.min(pages, app.inboxsync.app.Parallelism.ofThisMachine());
            int turns = (pages + parallel - 1) / parallel;
            int busiest = sim.pages().stream().mapToInt(p -> minimumCalls(sim, p.id())).max().orElse(1);
            double scale = onePage == null ? 1 : Math.max(1.0, (double) busiest / onePage.minimumCalls());
            double limit = onePage == null ? Double.MAX_VALUE : 1.2 * onePage.wallSeconds() * scale * turns;
            ListingTimes listed = new ListingTimes();
            BenchResult all = measure("sync all, " + pages + " pages (" + parallel + " at once)", rate,
                    () -> new SyncAll(service, parallel).sync(requests, listed, new CancelSignal()), minimum,
                    (wall, bound, msgs) -> wall <= limit, onePage == null
                            ? String.format("(no 1-page time to judge by; the bound at %d at once: %.1f s)", parallel,
                                    rate > 0 ? Math.max(busiest, (double) minimum / parallel) / rate : 0)
                            : String.format("<= 1.2 x 1-page time x %.2f (busiest Page's calls) x %d turns = %.1f s",
                                    scale, turns, limit));
            int listing = sim.pages().stream().mapToInt(p -> listingCalls(sim, p.id())).max().orElse(0);
            results.add(listed.result("  every conversation stored", rate, listing, (long) pages * conversations, parallel,
                    listedMessagesPerPage(sim)));
            results.add(all);
            app.inboxsync.sync.BatchBudget budget = service.budget();
            out.printf("  batch budget %d MB (%s): at most %.1f MB of batches held at once, %d waits for it%n",
                    budget.capacityBytes() >> 20, System.getenv(app.inboxsync.sync.BatchBudget.SETTING) == null
                            ? "1/" + app.inboxsync.sync.BatchBudget.HEAP_SHARE + " of the heap"
                            : app.inboxsync.sync.BatchBudget.SETTING,
                    budget.peakBytes() / 1048576.0, budget.waits());
            out.flush();
        }
    }

    /**
     * Writes this fast leave the client far ahead of Graph: 4 Pages in parallel at 2 calls/s bring about 1,500
     * messages a second, so 20,000 is 13 times that. (It was 40,000 before V3's full-text indexes, which the
     * offline search needs and which cost the bulk writes about a third: README, Performance.)
     */
    static final int THROUGHPUT_GOAL_MSG_PER_S = 20_000;

    /** Throughput with latency and rate limit off: Graph JSON to PostgreSQL rows as fast as it goes. */
    void throughput(List<BenchResult> results, int conversationsOnPage) {
        try (GraphSimulator sim = simulator(303, 1, conversationsOnPage, 0, 0);
             GraphClient graph = client(sim, 0)) {
            SimPage page = sim.pages().get(0);
            SyncService service = service(graph, sim);
            boolean smallHeap = Runtime.getRuntime().maxMemory() <= (256L << 20) * 105 / 100;
            results.add(measure("throughput, " + conversationsOnPage + " conv", 0, () -> List.of(syncOne(service, page)),
                    minimumCalls(sim, page.id()), (wall, bound, msgs) -> smallHeap && msgs / wall >= THROUGHPUT_GOAL_MSG_PER_S,
                    ">= " + THROUGHPUT_GOAL_MSG_PER_S + " msg/s, -Xmx256m"));
        }
    }

    /**
     * The time until every conversation of a Page was stored (its listing phase), counted from the Page's own start:
     * the figure people feel first. Goal per Page: 1.3 x its bound + 2 s, a tenth of what the history after it may
     * take, the bound being the slower of Graph's pace (listing calls ÷ rate) and this machine's writes for what
     * the Pages that started with it list at once (their listed messages ÷ {@link #THROUGHPUT_GOAL_MSG_PER_S}).
     * Pages started alone are paced by Graph; the first turn of a round (up to the parallelism, all in the same
     * second: 32 Pages of 200 conversations list about 115,000 messages in their first two calls each) is bound by
     * the writes, and it is the first turn that waits for the batch budget's first guesses as well. Later Pages
     * start one by one as others end, beside their history phases.
     */
    private final class ListingTimes implements SyncListener {
        private final long roundStart = System.nanoTime();
        private final java.util.Map<String, Long> startedNanos = new java.util.HashMap<>();
        /** Per Page that completed: seconds from the round's start to its own, and its listing time. */
        private final List<double[]> startAndListing = new ArrayList<>();

        @Override
        public synchronized void on(app.inboxsync.sync.SyncEvent event) {
            if (event instanceof app.inboxsync.sync.SyncEvent.Started s) {
                startedNanos.put(s.pageId(), System.nanoTime());
            } else if (event instanceof app.inboxsync.sync.SyncEvent.Completed c) {
                long started = startedNanos.getOrDefault(c.pageId(), roundStart);
                startAndListing.add(new double[] {(started - roundStart) / 1e9, c.listingElapsed().toMillis() / 1000.0});
            }
        }

        /**
         * @param parallel        Pages at once: the first this many to start are the first turn
         * @param listedPerPage   messages a Page's listing brings on average (nested in its listing answers)
         */
        synchronized BenchResult result(String name, double scenarioRate, int listingCalls, long conversationsStored,
                                        int parallel, long listedPerPage) {
            List<double[]> byStart = startAndListing.stream()
                    .sorted(java.util.Comparator.comparingDouble(t -> t[0])).toList();
            int firstTurn = Math.min(parallel, byStart.size());
            double paced = scenarioRate > 0 ? listingCalls / scenarioRate : 0;
            double firstBound = Math.max(paced, (double) firstTurn * listedPerPage / THROUGHPUT_GOAL_MSG_PER_S);
            double laterBound = Math.max(paced, (double) listedPerPage / THROUGHPUT_GOAL_MSG_PER_S);
            double firstSlowest = slowest(byStart.subList(0, firstTurn));
            double laterSlowest = slowest(byStart.subList(firstTurn, byStart.size()));
            double wall = Math.max(firstSlowest, laterSlowest);
            boolean met = scenarioRate <= 0
                    || firstSlowest <= 1.3 * firstBound + 2 && laterSlowest <= 1.3 * laterBound + 2;
            String target = byStart.size() > firstTurn
                    ? String.format("each Page <= 1.3 x bound + 2 s: first turn %.1f s, later Pages %.1f s",
                            1.3 * firstBound + 2, 1.3 * laterBound + 2)
                    : String.format("list <= 1.3 x bound + 2 s = %.1f s", 1.3 * firstBound + 2);
            BenchResult r = new BenchResult(name, listingCalls, listingCalls, wall, firstBound, conversationsStored,
                    0, 0, target, met);
            out.printf("%-26s %.2f s for %d conversations (%d listing calls; bound %.2f s: the slower of calls ÷ rate"
                    + " and %d Pages' %d listed messages ÷ %d msg/s)%n", name, wall, conversationsStored, listingCalls,
                    firstBound, firstTurn, firstTurn * listedPerPage, THROUGHPUT_GOAL_MSG_PER_S);
            if (byStart.size() > firstTurn) {
                double[] later = byStart.subList(firstTurn, byStart.size()).stream().mapToDouble(t -> t[1]).sorted().toArray();
                out.printf("%-26s first turn (%d Pages started together): slowest %.2f s; the %d Pages after it, each "
                                + "from its own start: median %.2f s, slowest %.2f s (bound %.2f s)%n", "", firstTurn,
                        firstSlowest, later.length, later[later.length / 2], laterSlowest, laterBound);
            }
            out.flush();
            return r;
        }

        private static double slowest(List<double[]> pages) {
            return pages.stream().mapToDouble(t -> t[1]).max().orElse(0);
        }
    }

    /** Messages the listing of a Page brings on average: each conversation with its newest messages nested. */
    private static long listedMessagesPerPage(GraphSimulator sim) {
        long listed = 0;
        for (SimPage page : sim.pages()) {
            for (SimConversation c : sim.conversations(page.id())) {
                listed += Math.min(c.messageCount(), GraphGateway.MAX_LIMIT);
            }
        }
        return listed / Math.max(1, sim.pages().size());
    }

    /** The listing phase's fewest calls with one folder: one per 100 conversations, their newest messages nested. */
    private static int listingCalls(GraphSimulator sim, String pageId) {
        return Math.max(1, (sim.conversations(pageId).size() + GraphGateway.MAX_LIMIT - 1) / GraphGateway.MAX_LIMIT);
    }

    private interface Run {
        List<SyncResult> run();
    }

    private interface Goal {
        boolean met(double wallSeconds, double boundSeconds, long messages);
    }

    private BenchResult measure(String name, double scenarioRate, Run run, int minimumCalls, Goal goal, String target) {
        HeapPeak heap = new HeapPeak().reset();
        long start = System.nanoTime();
        List<SyncResult> synced = run.run();
        double wall = (System.nanoTime() - start) / 1e9;
        long peak = heap.megabytes();
        int calls = 0;
        int busiestPage = 0;
        long conv = 0;
        long msgs = 0;
        for (SyncResult s : synced) {
            if (!s.succeeded()) {
                throw new IllegalStateException("Bench sync failed: " + s.error());
            }
            calls += s.apiCalls();
            busiestPage = Math.max(busiestPage, s.apiCalls());
            conv += s.conversationsSeen();
            msgs += s.counts().messagesInserted();
        }
        // Pages have their own rate limits, so the bound is set by the page that needs the most calls.
        double bound = scenarioRate > 0 ? busiestPage / scenarioRate : 0;
        boolean met = goal.met(wall, bound, msgs) && (minimumCalls <= 0 || calls <= Math.ceil(minimumCalls * 1.1));
        BenchResult r = new BenchResult(name, calls, minimumCalls, wall, bound, conv, msgs, peak, target, met);
        out.printf("%-26s %d calls (min %d), %.2f s, %d conversations, %d messages, peak heap %d MB%n",
                name, calls, minimumCalls, wall, conv, msgs, peak);
        out.flush();
        return r;
    }

    /**
     * The fewest calls any client needs for this data with one folder: one call per 100 conversations (each
     * with its newest 100 messages nested) plus one per further 100 messages of a long conversation.
     */
    private static int minimumCalls(GraphSimulator sim, String pageId) {
        List<SimConversation> all = sim.conversations(pageId);
        int calls = Math.max(1, (all.size() + GraphGateway.MAX_LIMIT - 1) / GraphGateway.MAX_LIMIT);
        for (SimConversation c : all) {
            int beyondNested = Math.max(0, c.messageCount() - GraphGateway.MAX_LIMIT);
            calls += (beyondNested + GraphGateway.MAX_LIMIT - 1) / GraphGateway.MAX_LIMIT;
        }
        return calls;
    }

    /**
     * Closer to a real Page: about 10 % of conversations run past 100 messages, and 3 in 1,000 past 1,000 (1,001 to
     * 3,000), the long-standing customers whose threads dominate the history phase.
     */
    static final double HUGE_SHARE = 0.003;

    static GraphSimulator simulator(long seed, int pages, int convs, long latency, double simRate) {
        GraphSimulator sim = GraphSimulator.start(SimulatorConfig.small(seed).withPages(pages).withConversations(convs)
                .withAverageMessages(20).withLongShare(0.10).withHugeShare(HUGE_SHARE)
                .withLatency(Duration.ofMillis(latency)).withRate(simRate));
        // The bench measures one folder: gather every conversation into the inbox.
        for (SimPage page : sim.pages()) {
            for (SimConversation c : sim.conversations(page.id())) {
                if (!"inbox".equals(c.folder())) {
                    sim.moveToFolder(c.id(), "inbox");
                }
            }
        }
        return sim;
    }

    private static GraphClient client(GraphSimulator sim, double clientRate) {
        return new GraphClient(GraphSettings.defaults(sim.baseUrl()).withCallsPerSecondPerPage(clientRate), GraphObserver.NONE);
    }

    private SyncService service(GraphClient graph, GraphSimulator sim) {
        PageRepository pages = new PageRepository(database);
        for (SimPage page : sim.pages()) {
            pages.savePage(new PageProfile(page.id(), page.name(), page.category()));
            pages.setFolders(page.id(), ONE_FOLDER);
        }
        // the budget the app would have (INBOXSYNC_BATCH_BUDGET_MB or a quarter of the heap), new for each scenario
        return new SyncService(graph, new PostgresInboxStore(database), AppContext.configuredBatchBudget());
    }

    private static SyncRequest request(SimPage page) {
        return new SyncRequest(new PageAccess(page.id(), Secret.of(page.token())), ONE_FOLDER, false);
    }

    private static SyncResult syncOne(SyncService service, SimPage page) {
        return syncOne(service, page, SyncListener.NONE);
    }

    private static SyncResult syncOne(SyncService service, SimPage page, SyncListener listener) {
        return service.sync(request(page), listener, new CancelSignal());
    }
}
