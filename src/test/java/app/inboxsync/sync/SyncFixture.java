package app.inboxsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.PageProfile;
import app.inboxsync.domain.Secret;
import app.inboxsync.domain.Text;
import app.inboxsync.graph.GraphClient;
import app.inboxsync.graph.GraphSettings;
import app.inboxsync.simulator.GraphSimulator;
import app.inboxsync.simulator.SimConversation;
import app.inboxsync.simulator.SimMessage;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.store.Database;
import app.inboxsync.store.PageRepository;
import app.inboxsync.store.PostgresInboxStore;
import app.inboxsync.store.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
    private static final ObjectMapper JSON = new ObjectMapper();
    /** jsonb reorders keys; compare JSON with keys sorted. */
    private static final ObjectMapper CANONICAL = new ObjectMapper()
            .configure(com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
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
        this.sim = GraphSimulator.start(config);
        this.db = TestDatabase.fresh();
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

    /** Every conversation and message the simulator has for the page is stored, field for field, and nothing else. */
    void assertStoredEqualsSimulator(SimPage page) throws SQLException {
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> expectedMessages = new TreeMap<>();
        for (SimConversation c : sim.conversations(page.id())) {
            expected.put(c.id(), String.join("|", c.customerId(), String.valueOf(Text.clean(c.customerName())),
                    String.valueOf(Text.clean(c.snippet())), c.updatedTime().toString(), String.valueOf(c.messageCount()),
                    String.valueOf(c.unreadCount()), c.folder(), String.valueOf(c.canReply()), String.valueOf(c.link())));
            for (SimMessage m : sim.messages(c.id())) {
                expectedMessages.put(m.id(), messageKey(page.id(), c.id(), m.fromId(), Text.clean(m.fromName()),
                        page.id().equals(m.fromId()), blankToNull(Text.clean(m.text())), m.createdTime(),
                        expectedAttachments(m), m.detailsUnavailable()));
            }
        }
        Map<String, String> stored = new TreeMap<>();
        Map<String, String> storedMessages = new TreeMap<>();
        try (Connection conn = db.dataSource().getConnection()) {
            try (PreparedStatement ps = conn.prepareStatement("SELECT conversation_id, sender_id, sender_name, last_message, "
                    + "last_message_time, message_count, unread_count, folder, can_reply, link FROM messenger_conversations "
                    + "WHERE page_id = ? AND missing_since IS NULL")) {
                ps.setString(1, page.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored.put(rs.getString(1), String.join("|", rs.getString(2), String.valueOf(rs.getString(3)),
                                String.valueOf(rs.getString(4)), rs.getTimestamp(5).toInstant().toString(),
                                String.valueOf(rs.getInt(6)), String.valueOf(rs.getInt(7)), rs.getString(8),
                                String.valueOf(rs.getBoolean(9)), String.valueOf(rs.getString(10))));
                    }
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("SELECT m.message_id, m.conversation_id, m.from_id, m.from_name, "
                    + "m.is_from_page, m.text, m.created_time, m.attachments::text, m.details_unavailable, m.page_id "
                    + "FROM messenger_messages m JOIN messenger_conversations c USING (conversation_id) "
                    + "WHERE m.page_id = ? AND c.missing_since IS NULL")) {
                ps.setString(1, page.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        storedMessages.put(rs.getString(1), messageKey(rs.getString(10), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getTimestamp(7).toInstant(),
                                normalizeJson(rs.getString(8)), rs.getBoolean(9)));
                    }
                }
            }
        }
        assertEquals(expected.keySet(), stored.keySet(), "conversation ids");
        assertEquals(expected, stored, "conversation fields");
        assertEquals(expectedMessages.size(), storedMessages.size(), "message count");
        assertEquals(expectedMessages, storedMessages, "message fields");
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

    long count(String sql) throws SQLException {
        try (Connection conn = db.dataSource().getConnection(); ResultSet rs = conn.createStatement().executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getLong(1);
        }
    }

    private static String messageKey(String pageId, String conversationId, String fromId, String fromName, boolean fromPage,
                                     String text, Instant created, String attachments, boolean unavailable) {
        return String.join("|", pageId, conversationId, String.valueOf(fromId), String.valueOf(fromName),
                String.valueOf(fromPage), String.valueOf(text), created.toString(), String.valueOf(attachments),
                String.valueOf(unavailable));
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String expectedAttachments(SimMessage m) {
        if (m.attachmentsJson() == null && m.sticker() == null && m.sharesJson() == null) {
            return null;
        }
        try {
            ObjectNode o = JSON.createObjectNode();
            if (m.attachmentsJson() != null) {
                o.set("attachments", JSON.readTree(Text.clean(m.attachmentsJson())));
            }
            if (m.sticker() != null) {
                o.put("sticker", m.sticker());
            }
            if (m.sharesJson() != null) {
                o.set("shares", JSON.readTree(Text.clean(m.sharesJson())));
            }
            return normalizeJson(o.toString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String normalizeJson(String json) {
        if (json == null) {
            return null;
        }
        try {
            JsonNode node = JSON.readTree(json);
            return CANONICAL.writeValueAsString(JSON.treeToValue(node, Object.class));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        graph.close();
        db.close();
        sim.close();
    }
}
