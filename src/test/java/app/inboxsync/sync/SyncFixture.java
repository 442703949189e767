package app.inboxsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.PageProfile;
import app.inboxsync.domain.Secret;
import app.inboxsync.graph.GraphClient;
import app.inboxsync.graph.GraphSettings;
import app.inboxsync.simulator.GraphSimulator;
import app.inboxsync.simulator.SimConversation;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.store.TestDatabase;
import app.inboxsync.store.read.PageRepository;
import app.inboxsync.store.server.Database;
import app.inboxsync.store.write.PostgresInboxStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * Real parts wired together for engine tests: the Graph simulator over HTTP, the real Graph client, and a
 * fresh database on the embedded PostgreSQL. Compares what is stored with the simulator's ground truth.
 */
final class SyncFixture implements AutoCloseable {
    final GraphSimulator sim;
    final Database db;
    final GraphClient graph;
    final PostgresInboxStore store;
    final SyncService service;

    SyncFixture(SimulatorConfig config) {
        this(config, 3, GraphObserver.NONE);
    }

    /** @param attempts how often the client tries a call that fails transiently */
    SyncFixture(SimulatorConfig config, int attempts, GraphObserver observer) {
        this(config, sim -> new GraphClient(unpaced(sim, attempts), observer));
    }

    /** @param client makes the Graph client for the started simulator (e.g. with other timeouts) */
    SyncFixture(SimulatorConfig config, java.util.function.Function<GraphSimulator, GraphClient> client) {
        this(config, TestDatabase.fresh(), client);
    }

    /** @param db the database to sync into (e.g. a copy of a known state); closed with the fixture */
    SyncFixture(SimulatorConfig config, Database db, java.util.function.Function<GraphSimulator, GraphClient> client) {
        this.sim = GraphSimulator.start(config);
        this.db = db;
        this.graph = client.apply(sim);
        this.store = new PostgresInboxStore(db);
        this.service = new SyncService(graph, store);
        PageRepository pages = new PageRepository(db);
        for (SimPage p : sim.pages()) {
            pages.savePage(new PageProfile(p.id(), p.name(), p.category()));
        }
    }

    /** Settings for the simulator without client-side pacing, retrying {@code attempts} times 1 ms apart. */
    static GraphSettings unpaced(GraphSimulator sim, int attempts) {
        return GraphSettings.defaults(sim.baseUrl()).withCallsPerSecondPerPage(0).withRetries(attempts, Duration.ofMillis(1));
    }

    SimPage page(int index) {
        return sim.pages().get(index);
    }

    SyncRequest request(SimPage page, boolean full) {
        return new SyncRequest(new PageAccess(page.id(), Secret.of(page.token())), null, full);
    }

    SyncResult sync(SimPage page) {
        return service.sync(request(page, false), SyncListener.NONE, new CancelSignal());
    }

    Instant watermark(String pageId) {
        return store.pageState(pageId).orElseThrow().watermark();
    }

    /**
     * Every conversation and message the simulator has for the page is stored, field for field, and nothing else
     * (the expected values are worked out by {@link StoredCopy} from the simulator's raw data).
     */
    void assertStoredEqualsSimulator(SimPage page) throws SQLException {
        StoredCopy.assertEqualsSimulator(sim, db.dataSource(), page.id());
    }

    /**
     * The watermark is never ahead of the data: every conversation Facebook has with an update at or before the
     * watermark is stored with at least that update (it was read by the pass that set the watermark).
     */
    void assertWatermarkNotAheadOfData(SimPage page) throws SQLException {
        Instant watermark = watermark(page.id());
        if (watermark == null) {
            return;
        }
        Map<String, Instant> stored = new TreeMap<>();
        try (Connection conn = db.dataSource().getConnection();
             PreparedStatement ps = conn.prepareStatement(
                     "SELECT conversation_id, last_message_time FROM messenger_conversations WHERE page_id = ?")) {
            ps.setString(1, page.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getTimestamp(2).toInstant());
                }
            }
        }
        for (SimConversation c : sim.conversations(page.id())) {
            if (!c.updatedTime().isAfter(watermark)) {
                Instant have = stored.get(c.id());
                assertTrue(have != null && !have.isBefore(c.updatedTime()), "watermark " + watermark
                        + " is ahead of the data: conversation " + c.id() + " updated " + c.updatedTime() + " is stored as " + have);
            }
        }
    }

    /** No message or conversation is stored twice, under any key. */
    void assertNoDuplicates() throws SQLException {
        assertEquals(0, count("SELECT count(*) FROM (SELECT message_id FROM messenger_messages GROUP BY 1 HAVING count(*) > 1) d"));
        assertEquals(0, count("SELECT count(*) FROM (SELECT conversation_id FROM messenger_conversations GROUP BY 1 HAVING count(*) > 1) d"));
        assertEquals(0, count("SELECT count(*) FROM sync_runs WHERE status = 'running'"), "every run was closed");
    }

    /** The database's name on the shared test server (for {@link TestDatabase#copyOf}). */
    String databaseName() throws SQLException {
        try (Connection conn = db.dataSource().getConnection();
             ResultSet rs = conn.createStatement().executeQuery("SELECT current_database()")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    long count(String sql) throws SQLException {
        try (Connection conn = db.dataSource().getConnection(); ResultSet rs = conn.createStatement().executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    @Override
    public void close() {
        graph.close();
        db.close();
        sim.close();
    }
}
