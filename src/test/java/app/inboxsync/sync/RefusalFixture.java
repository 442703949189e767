package app.inboxsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import app.inboxsync.store.TestDatabase;
import app.inboxsync.store.read.PageRepository;
import app.inboxsync.store.server.Database;
import app.inboxsync.store.write.PostgresInboxStore;
import app.inboxsync.store.write.PostgresRefusalMemory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The simulator over HTTP refusing fields or folders, the real Graph client remembering refusals in a fresh
 * database on the embedded PostgreSQL, and the engine. Each {@link #sync} runs as a new process would: a new Graph
 * client that knows only what the database remembers.
 */
final class RefusalFixture implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper CANONICAL = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    final GraphSimulator sim;
    final Database db;
    final PostgresInboxStore store;
    final PostgresRefusalMemory memory;

    /** One run: its result, every event (the Graph client's notices among them), what it cost the simulator. */
    record Run(SyncResult result, List<SyncEvent> events, long requests, long refusedCalls) {
        /**
         * The notices, less the one about history Facebook withholds: the simulator's worlds hold old messages that
         * come back with only their ids, as on Facebook, and that notice is WithheldHistoryTest's subject.
         */
        List<String> notices() {
            return events.stream().filter(e -> e instanceof SyncEvent.Notice).map(e -> ((SyncEvent.Notice) e).message())
                    .filter(n -> !n.startsWith("Facebook keeps the older messages of")).toList();
        }

        int markedMissing() {
            return events.stream().filter(e -> e instanceof SyncEvent.Completed)
                    .mapToInt(e -> ((SyncEvent.Completed) e).markedMissing()).sum();
        }
    }

    RefusalFixture(SimulatorConfig config) {
        this.sim = GraphSimulator.start(config);
        this.db = TestDatabase.fresh();
        this.store = new PostgresInboxStore(db);
        this.memory = new PostgresRefusalMemory(db);
        PageRepository pages = new PageRepository(db);
        for (SimPage p : sim.pages()) {
            pages.savePage(new PageProfile(p.id(), p.name(), p.category()));
        }
    }

    SimPage page(int i) {
        return sim.pages().get(i);
    }

    Run sync(SimPage page, boolean full) {
        return sync(page, full, "v25.0");
    }

    Run sync(SimPage page, boolean full, String graphVersion) {
        List<SyncEvent> events = new CopyOnWriteArrayList<>();
        GraphObserver observer = new GraphObserver() {
            @Override
            public void waiting(String pageId, Duration wait, String reason) {
            }

            @Override
            public void noticed(String pageId, String message) {
                events.add(new SyncEvent.Notice(pageId, message));
            }
        };
        long requests = sim.requestCount();
        long refused = sim.refusals().refusedCalls();
        GraphSettings settings = GraphSettings.defaults(sim.baseUrl()).withVersion(graphVersion)
                .withCallsPerSecondPerPage(0).withRetries(3, Duration.ofMillis(1));
        try (GraphClient graph = new GraphClient(settings, observer, memory)) {
            SyncResult result = new SyncService(graph, store).sync(
                    new SyncRequest(new PageAccess(page.id(), Secret.of(page.token())), null, full), events::add,
                    new CancelSignal());
            return new Run(result, List.copyOf(events), sim.requestCount() - requests,
                    sim.refusals().refusedCalls() - refused);
        }
    }

    /** Every Page at once through one Graph client, as "sync all" does; the events of all of them. */
    Run syncAll(int parallelism) {
        List<SyncEvent> events = new CopyOnWriteArrayList<>();
        long requests = sim.requestCount();
        long refused = sim.refusals().refusedCalls();
        GraphSettings settings = GraphSettings.defaults(sim.baseUrl()).withCallsPerSecondPerPage(0)
                .withRetries(3, Duration.ofMillis(1));
        GraphObserver observer = new GraphObserver() {
            @Override
            public void waiting(String pageId, Duration wait, String reason) {
            }

            @Override
            public void noticed(String pageId, String message) {
                events.add(new SyncEvent.Notice(pageId, message));
            }
        };
        try (GraphClient graph = new GraphClient(settings, observer, memory)) {
            List<SyncRequest> requestsOfAll = sim.pages().stream()
                    .map(p -> new SyncRequest(new PageAccess(p.id(), Secret.of(p.token())), null, false)).toList();
            List<SyncResult> results = new SyncAll(new SyncService(graph, store), parallelism)
                    .sync(requestsOfAll, events::add, new CancelSignal());
            results.forEach(r -> assertEquals(SyncResult.Status.SUCCEEDED, r.status(), r.error()));
            return new Run(results.get(0), List.copyOf(events), sim.requestCount() - requests,
                    sim.refusals().refusedCalls() - refused);
        }
    }

    /**
     * The copy equals the simulator's data field for field, apart from what {@code refused} names: a refused
     * count or flag is unknown (NULL), a refused snippet is the newest message's text, a refused attachments,
     * sticker or shares field is missing from the stored attachments.
     */
    void assertCopyEqualsSimulator(SimPage page, Set<String> refused) throws SQLException {
        assertCopyEqualsSimulator(page, refused, Set.of());
    }

    /** As above, for a copy that could not read {@code skippedFolders}: their conversations are not in it. */
    void assertCopyEqualsSimulator(SimPage page, Set<String> refused, Set<String> skippedFolders) throws SQLException {
        Map<String, String> expected = new TreeMap<>();
        Map<String, String> expectedMessages = new TreeMap<>();
        for (SimConversation c : sim.conversations(page.id())) {
            if (skippedFolders.contains(c.folder())) {
                continue;
            }
            List<SimMessage> messages = sim.messages(c.id());
            String last = refused.contains("snippet") ? blankToNull(Text.clean(messages.get(0).text())) : Text.clean(c.snippet());
            expected.put(c.id(), String.join("|", c.customerId(), String.valueOf(Text.clean(c.customerName())),
                    String.valueOf(last), c.updatedTime().toString(),
                    refused.contains("message_count") ? "null" : String.valueOf(c.messageCount()),
                    refused.contains("unread_count") ? "null" : String.valueOf(c.unreadCount()), c.folder(),
                    refused.contains("can_reply") ? "null" : String.valueOf(c.canReply()),
                    refused.contains("link") ? "null" : String.valueOf(c.link())));
            for (SimMessage m : messages) {
                expectedMessages.put(m.id(), String.join("|", c.id(), String.valueOf(m.fromId()),
                        String.valueOf(Text.clean(m.fromName())), String.valueOf(blankToNull(Text.clean(m.text()))),
                        m.createdTime().toString(), String.valueOf(extras(m, refused)), String.valueOf(m.detailsUnavailable())));
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
                                String.valueOf(rs.getObject(6)), String.valueOf(rs.getObject(7)), rs.getString(8),
                                String.valueOf(rs.getObject(9)), String.valueOf(rs.getString(10))));
                    }
                }
            }
            try (PreparedStatement ps = conn.prepareStatement("SELECT message_id, conversation_id, from_id, from_name, text, "
                    + "created_time, attachments::text, details_unavailable FROM messenger_messages WHERE page_id = ?")) {
                ps.setString(1, page.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        storedMessages.put(rs.getString(1), String.join("|", rs.getString(2), String.valueOf(rs.getString(3)),
                                String.valueOf(rs.getString(4)), String.valueOf(rs.getString(5)),
                                rs.getTimestamp(6).toInstant().toString(), String.valueOf(canonical(rs.getString(7))),
                                String.valueOf(rs.getBoolean(8))));
                    }
                }
            }
        }
        assertEquals(expected.keySet(), stored.keySet(), "conversation ids");
        assertEquals(expected, stored, "conversation fields");
        assertEquals(expectedMessages.size(), storedMessages.size(), "message count");
        assertEquals(expectedMessages, storedMessages, "message fields");
    }

    /** Conversations of the page the simulator lists in {@code folder}. */
    List<SimConversation> inFolder(SimPage page, String folder) {
        List<SimConversation> out = new ArrayList<>();
        for (SimConversation c : sim.conversations(page.id())) {
            if (c.folder().equals(folder)) {
                out.add(c);
            }
        }
        return out;
    }

    long count(String sql, String param) throws SQLException {
        try (Connection conn = db.dataSource().getConnection(); PreparedStatement ps = conn.prepareStatement(sql)) {
            ps.setString(1, param);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String extras(SimMessage m, Set<String> refused) {
        ObjectNode o = JSON.createObjectNode();
        try {
            if (m.attachmentsJson() != null && !refused.contains("attachments")) {
                o.set("attachments", JSON.readTree(Text.clean(m.attachmentsJson())));
            }
            if (m.sticker() != null && !refused.contains("sticker")) {
                o.put("sticker", m.sticker());
            }
            if (m.sharesJson() != null && !refused.contains("shares")) {
                o.set("shares", JSON.readTree(Text.clean(m.sharesJson())));
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return o.isEmpty() ? null : canonical(o.toString());
    }

    private static String canonical(String json) {
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

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    @Override
    public void close() {
        db.close();
        sim.close();
    }
}
