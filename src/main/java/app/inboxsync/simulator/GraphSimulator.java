package app.inboxsync.simulator;

import app.inboxsync.concurrent.DaemonThreads;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;

/**
 * A local fake of the Graph API for demos, tests and benchmarks. It serves a deterministic world (same
 * seed, same data) on 127.0.0.1 only, and exposes the ground truth and ways to change and break it.
 */
public final class GraphSimulator implements AutoCloseable {

    /** Enough threads for several Pages syncing in parallel while latency keeps each one waiting. */
    private static final int THREADS = 64;

    private final World world;
    private final Faults faults = new Faults();
    private final Refusals refusals = new Refusals();
    private final PageRateLimits limits;
    private final GraphCalls calls;
    private final HttpServer server;
    private final ExecutorService executor;
    private final String baseUrl;
    private volatile Duration latency;

    static {
        // Without TCP_NODELAY, Nagle plus delayed ACKs add ~40 ms to every small answer. The JDK server reads
        // this once, when its first server is made; an explicit setting by the embedding app wins.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private GraphSimulator(SimulatorConfig config) throws IOException {
        this.world = new World(config);
        this.latency = config.latency();
        this.limits = new PageRateLimits(config.pages(), config.callsPerSecondPerPage());
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), config.port()), 256);
        this.baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        world.cdn.serveFrom(baseUrl);
        this.calls = new GraphCalls(world, new GraphRoutes(world, baseUrl, refusals), faults, limits);
        AdminRoutes admin = new AdminRoutes(world, config.seed());
        FaultRoutes faultRoutes = new FaultRoutes(faults);
        RefusalRoutes refusalRoutes = new RefusalRoutes(refusals);
        server.createContext("/", new GraphHttpHandler(calls,
                exchange -> switch (exchange.getRequestURI().getPath()) {
                    case "/_sim/faults" -> faultRoutes.answer(exchange);
                    case "/_sim/refusals" -> refusalRoutes.answer(exchange);
                    case "/_sim/withhold" -> world.withholding.answer(exchange);
                    case "/_sim/roles" -> world.roles.answer(exchange, world);
                    default -> admin.answer(exchange);
                },
                () -> latency));
        server.createContext("/cdn/", new CdnHandler(world.cdn)); // no token, no rate limit: a CDN, not Graph
        this.executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
        server.setExecutor(executor);
        server.start();
    }

    /** Generates the world and starts serving it; binds 127.0.0.1 only. */
    public static GraphSimulator start(SimulatorConfig config) {
        Objects.requireNonNull(config, "config");
        try {
            return new GraphSimulator(config);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the Graph simulator on port " + config.port(), e);
        }
    }

    /** {@code http://127.0.0.1:PORT}, no trailing slash, no version. */
    public String baseUrl() {
        return baseUrl;
    }

    public List<SimPage> pages() {
        return world.pages;
    }

    /** A user token whose {@code /me/accounts} lists every Page. */
    public String userToken() {
        return calls.userToken();
    }

    /** All live conversations of a Page in all folders, newest {@code updated_time} first. */
    public List<SimConversation> conversations(String pageId) {
        int page = world.pageIndex(pageId);
        if (page < 0) {
            throw new IllegalArgumentException("unknown page id " + pageId);
        }
        return world.allOf(page).stream().map(world::describe).toList();
    }

    /** A conversation's complete history, newest first. */
    public List<SimMessage> messages(String conversationId) {
        StoredConversation c = world.conversation(conversationId);
        if (c == null) {
            throw new IllegalArgumentException("no such (live) conversation: " + conversationId);
        }
        return world.messages.newestFirst(c, 0, c.messageCount()).stream().map(this::truth).toList();
    }

    /** The user's tasks on each Page, as {@code /me/accounts} lists them (also {@code /_sim/roles} over HTTP). */
    public PageRoles roles() {
        return world.roles;
    }

    /** The attachments' files: their links, expiry, files gone and a slow CDN. */
    public CdnLinks cdn() {
        return world.cdn;
    }

    private SimMessage truth(SimMessage m) {
        if (m.attachmentsJson() == null && m.sticker() == null) {
            return m;
        }
        return new SimMessage(m.id(), m.conversationId(), m.createdTime(), m.fromId(), m.fromName(), m.toIds(), m.text(),
                world.cdn.truth(m.attachmentsJson()), world.cdn.truth(m.sticker()), m.sharesJson(), m.detailsUnavailable());
    }

    /** Adds the newest message; the conversation's {@code updated_time} becomes its time, later than anything before. */
    public SimMessage addMessage(String conversationId, boolean fromCustomer, String text) {
        return world.addMessage(conversationId, fromCustomer, text);
    }

    /** A new customer conversation with {@code messages} messages, newer than anything before. */
    public SimConversation addConversation(String pageId, String folder, int messages) {
        return world.addConversation(pageId, folder, messages);
    }

    public void moveToFolder(String conversationId, String folder) {
        world.moveToFolder(conversationId, folder);
    }

    /** The conversation vanishes from every listing and lookup, as when deleted on Facebook. */
    public void deleteConversation(String conversationId) {
        world.delete(conversationId);
    }

    /** Every further call with this Page's token fails with code 190 and this subcode (460: password changed…). */
    public void revokeToken(String pageId, int subcode) {
        if (world.pageIndex(pageId) < 0) {
            throw new IllegalArgumentException("unknown page id " + pageId);
        }
        calls.revoke(pageId, subcode);
    }

    /** The Page's admin renewed its token: calls with it work again (the same token stands in for the new one). */
    public void restoreToken(String pageId) {
        calls.restore(pageId);
    }

    public Faults faults() {
        return faults;
    }

    /** The fields and folders this Graph refuses, as a newer Graph version would. */
    public Refusals refusals() {
        return refusals;
    }

    /** Older history kept out of reach, in Facebook's forms (also {@code /_sim/withhold} over HTTP). */
    public Withholding withholding() {
        return world.withholding;
    }

    public void setLatency(Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("latency must be zero or positive, was " + d);
        }
        latency = d;
    }

    /** Changes the per-Page rate limit (0 = none); buckets start full again. */
    public void setRate(double callsPerSecondPerPage) {
        limits.setRate(callsPerSecondPerPage);
    }

    public void addListener(RequestListener listener) {
        calls.addListener(Objects.requireNonNull(listener, "listener"));
    }

    /** Graph calls answered so far; each sub-request of a batch counts, the batch envelope does not. */
    public long requestCount() {
        return calls.count();
    }

    /** Graph calls made with this Page's token (or naming this Page with the user token). */
    public long requestCount(String pageId) {
        return calls.count(pageId);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private static ThreadFactory daemonThreads() {
        return DaemonThreads.numbered("graph-simulator");
    }
}
