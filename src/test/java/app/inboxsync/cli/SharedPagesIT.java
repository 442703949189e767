package app.inboxsync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.config.DatabaseSettings;
import app.inboxsync.simulator.GraphSimulator;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.store.TestDatabase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several machines on one PostgreSQL server share the Pages: three CLI processes, each with its own home (its own
 * token file, as on its own machine), on one database with 60 small Pages. Started together they split the Pages,
 * none syncs one twice, all exit 0; two {@code --watch} processes keep every Page synced without double work.
 */
class SharedPagesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGES = 60;

    @TempDir
    Path tmp;
    private GraphSimulator sim;
    private DatabaseSettings db;
    private final List<CliProcess> machines = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        sim = GraphSimulator.start(SimulatorConfig.small(1414).withPages(PAGES).withConversations(3)
                .withAverageMessages(2).withLatency(Duration.ofMillis(15)));
        String name = "shared_" + UUID.randomUUID().toString().replace("-", "");
        DatabaseSettings admin = TestDatabase.server().settings("postgres");
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password().reveal());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        }
        db = TestDatabase.server().settings(name);
        for (int i = 1; i <= 3; i++) {
            CliProcess machine = new CliProcess(tmp.resolve("machine" + i).resolve("home"), Map.of(
                    "INBOXSYNC_GRAPH_URL", sim.baseUrl(), "INBOXSYNC_RATE", "0",
                    "INBOXSYNC_DB_URL", db.jdbcUrl(), "INBOXSYNC_DB_USER", db.user(),
                    "INBOXSYNC_DB_PASSWORD", db.password().reveal()));
            java.nio.file.Files.createDirectories(tmp.resolve("machine" + i));
            // each machine keeps the Page tokens in its own token store; the Pages themselves are in the database
            CliProcess.Outcome imported = machine.run("pages", "import", "--user-token", sim.userToken());
            assertEquals(0, imported.exit(), imported.all());
            machines.add(machine);
        }
        assertEquals(PAGES, count("SELECT count(*) FROM facebook_pages"));
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void threeProcessesStartedTogetherSplitThePagesEachSyncedExactlyOnceThenTwoWatchesShareTheRounds()
            throws Exception {
        Map<String, Long> callsBefore = new HashMap<>();
        sim.pages().forEach(p -> callsBefore.put(p.id(), sim.requestCount(p.id())));

        List<Process> started = new ArrayList<>();
        for (CliProcess machine : machines) {
            started.add(machine.startNamed("all", "sync", "--all", "--json", "--parallel", "4"));
        }
        Map<String, Integer> completed = new HashMap<>();
        Map<String, Integer> callsReported = new HashMap<>();
        int skipped = 0;
        for (int i = 0; i < started.size(); i++) {
            Process p = started.get(i);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "sync --all finished");
            String out = machines.get(i).stdoutOf("all");
            assertEquals(0, p.exitValue(), out);
            for (String line : out.strip().split("\n")) {
                JsonNode event = JSON.readTree(line);
                String status = event.path("status").asText();
                if (status.equals("complete")) {
                    completed.merge(event.get("page").asText(), 1, Integer::sum);
                    callsReported.put(event.get("page").asText(), event.get("api_calls").asInt());
                } else if (status.equals("skipped")) {
                    skipped++;
                    assertTrue(event.get("error").asText().contains("elsewhere"), line);
                }
                assertTrue(!status.equals("error"), "no Page failed: " + line);
            }
        }

        assertEquals(PAGES, completed.size(), "every Page synced: " + completed);
        assertTrue(completed.values().stream().allMatch(n -> n == 1), "none synced twice: " + completed);
        assertTrue(skipped > 0, "the processes met at the locks and left each other's Pages alone");
        for (SimPage page : sim.pages()) {
            assertEquals((long) callsReported.get(page.id()), sim.requestCount(page.id()) - callsBefore.get(page.id()),
                    "Facebook saw exactly one sync's calls for " + page.id());
        }
        assertEquals(PAGES, count("SELECT count(*) FROM sync_runs WHERE status = 'succeeded'"));
        assertEquals(PAGES, count("SELECT count(*) FROM sync_runs"), "no failed or extra run rows");
        assertEquals(PAGES, count("SELECT count(DISTINCT page_id) FROM sync_runs"));
        assertCopyExact();

        // --watch on two machines: each Page is synced about once per interval by one of them, never twice
        Duration every = Duration.ofSeconds(10); // the shortest --watch takes
        Instant watchFrom = now();
        for (SimPage page : sim.pages().subList(0, 10)) {
            sim.addConversation(page.id(), "inbox", 1); // news for the next rounds to bring in
        }
        List<Process> watches = new ArrayList<>();
        for (CliProcess machine : machines.subList(0, 2)) {
            watches.add(machine.startNamed("watch", "sync", "--all", "--json", "--watch", "10s", "--parallel", "4"));
        }
        // until every Page has been synced in two rounds (the first, and one an interval later), at most 90 s
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline && !(succeededRunsSince(watchFrom).size() == PAGES
                && succeededRunsSince(watchFrom).values().stream().allMatch(r -> r.size() >= 2))) {
            Thread.sleep(500);
        }
        for (Process w : watches) {
            w.destroy(); // SIGTERM, as systemd stops the unit
            assertTrue(w.waitFor(60, TimeUnit.SECONDS));
        }

        Map<String, List<Instant[]>> runs = succeededRunsSince(watchFrom);
        assertEquals(PAGES, runs.size(), "every Page synced again while watched");
        for (Map.Entry<String, List<Instant[]>> page : runs.entrySet()) {
            List<Instant[]> r = page.getValue();
            for (int i = 1; i < r.size(); i++) {
                Duration gap = Duration.between(r.get(i - 1)[1], r.get(i)[0]);
                assertTrue(gap.compareTo(every.multipliedBy(9).dividedBy(10)) >= 0,
                        page.getKey() + " synced twice in one round: " + gap + " between runs");
            }
        }
        assertTrue(runs.values().stream().allMatch(r -> r.size() >= 2),
                "a later round synced every Page again once it was due: " + runs.values().stream().map(List::size).toList());
        assertEquals(0, count("SELECT count(*) FROM sync_runs WHERE status <> 'succeeded' AND status <> 'cancelled'"),
                "no failed run rows");
        assertCopyExact();
    }

    private void assertCopyExact() throws Exception {
        for (SimPage page : sim.pages()) {
            long messages = sim.conversations(page.id()).stream().mapToLong(c -> sim.messages(c.id()).size()).sum();
            assertEquals(sim.conversations(page.id()).size(),
                    count("SELECT count(*) FROM messenger_conversations WHERE page_id = '" + page.id() + "'"));
            assertEquals(messages, count("SELECT count(*) FROM messenger_messages WHERE page_id = '" + page.id() + "'"));
        }
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password().reveal());
    }

    private long count(String sql) throws Exception {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Instant now() throws Exception {
        try (Connection c = connect(); ResultSet rs = c.createStatement().executeQuery("SELECT clock_timestamp()")) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }

    /** Per Page, its succeeded runs started after {@code since}: [started, finished], oldest first. */
    private Map<String, List<Instant[]>> succeededRunsSince(Instant since) throws Exception {
        Map<String, List<Instant[]>> runs = new HashMap<>();
        try (Connection c = connect(); java.sql.PreparedStatement s = c.prepareStatement(
                "SELECT page_id, started_at, finished_at FROM sync_runs WHERE status = 'succeeded' AND started_at > ? "
                        + "ORDER BY page_id, started_at")) {
            s.setTimestamp(1, java.sql.Timestamp.from(since));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    runs.computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
                            .add(new Instant[] {rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant()});
                }
            }
        }
        return runs;
    }
}
