package app.inboxsync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.simulator.GraphSimulator;
import app.inboxsync.simulator.SimConversation;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.store.server.Database;
import app.inboxsync.store.server.EmbeddedDatabase;
import app.inboxsync.sync.StoredCopy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged CLI, run in its own process against the Graph simulator and its own embedded PostgreSQL. */
class CliEndToEndIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static GraphSimulator sim;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSimulator() {
        sim = GraphSimulator.start(SimulatorConfig.small(21).withPages(2).withConversations(80));
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    private CliProcess cli(String name) {
        return new CliProcess(tmp.resolve(name), Map.of("INBOXSYNC_GRAPH_URL", sim.baseUrl(), "INBOXSYNC_RATE", "0",
                "INBOXSYNC_LOG_LEVEL", "DEBUG"));
    }

    /** Default log level, as a user runs it. */
    private CliProcess quiet(String name) {
        return against(sim, name);
    }

    /** A home of its own, talking to {@code graph} with no client-side pacing, at the default log level. */
    private CliProcess against(GraphSimulator graph, String name) {
        return new CliProcess(tmp.resolve(name), Map.of("INBOXSYNC_GRAPH_URL", graph.baseUrl(), "INBOXSYNC_RATE", "0"));
    }

    /** One Page big and slow enough (40 ms a call) that a test can act while its sync runs. */
    private static GraphSimulator slowSimulator(long seed) {
        return GraphSimulator.start(SimulatorConfig.small(seed).withPages(1).withConversations(600)
                .withLatency(Duration.ofMillis(40)));
    }

    @Test
    void addSyncBrowseAndExportAPageWithoutEverShowingItsToken() throws Exception {
        SimPage page = sim.pages().get(0);
        CliProcess cli = cli("home");
        List<String> printed = new ArrayList<>();

        CliProcess.Outcome added = cli.run("pages", "add", "--token", page.token());
        printed.add(added.all());
        assertEquals(0, added.exit(), added.all());
        assertTrue(added.out().contains(page.name()), added.out());

        CliProcess.Outcome full = cli.run("sync", "--page", page.id(), "--json");
        printed.add(full.all());
        assertEquals(0, full.exit(), full.all());
        List<JsonNode> events = jsonLines(full.out());
        JsonNode complete = events.get(events.size() - 1);
        assertEquals("complete", complete.get("status").asText());
        assertEquals("full", complete.get("mode").asText());
        int conversations = sim.conversations(page.id()).size();
        assertEquals(conversations, complete.get("inserted").asInt());
        assertEquals(conversations, complete.get("total").asInt());
        assertTrue(events.stream().anyMatch(e -> "batch_complete".equals(e.get("status").asText())));
        assertTrue(events.stream().anyMatch(e -> "syncing".equals(e.get("status").asText())));

        CliProcess.Outcome again = cli.run("sync", "--all", "--json", "--folders", "inbox,page_done,other,spam");
        printed.add(again.all());
        assertEquals(0, again.exit(), again.all());
        JsonNode incremental = last(jsonLines(again.out()));
        assertEquals("incremental", incremental.get("mode").asText());
        assertEquals(0, incremental.get("total").asInt());

        CliProcess.Outcome folders = cli.run("pages", "folders", page.id(), "inbox");
        printed.add(folders.all());
        assertEquals(0, folders.exit(), folders.all());
        JsonNode inboxOnly = last(jsonLines(cli.run("sync", "--page", page.id(), "--json").out()));
        assertEquals(1, inboxOnly.get("api_calls").asInt(), "the page's own folder list: one call for one folder");
        assertEquals(2, cli.run("pages", "folders", page.id(), "inbox,trash").exit(), "unknown folder is a usage error");

        CliProcess.Outcome listed = cli.run("pages", "list", "--json");
        printed.add(listed.all());
        JsonNode summary = JSON.readTree(listed.out()).get(0);
        assertEquals(conversations, summary.get("conversations").asInt());
        long messages = sim.conversations(page.id()).stream().mapToLong(c -> sim.messages(c.id()).size()).sum();
        assertEquals(messages, summary.get("messages").asLong());
        assertEquals(1.0, summary.get("coverage").asDouble(), 0.0001);

        SimConversation someone = sim.conversations(page.id()).stream().filter(c -> c.customerName() != null
                && !c.customerName().equals("Facebook user")).findFirst().orElseThrow();
        CliProcess.Outcome found = cli.run("conversations", "list", "--page", page.id(), "--search",
                someone.customerName(), "--json");
        printed.add(found.all());
        assertTrue(found.out().contains(someone.id()), found.all());
        int matching = JSON.readTree(cli.run("conversations", "list", "--page", page.id(), "--search",
                someone.customerName(), "--limit", "100000", "--json").out()).size();
        assertTrue(matching < conversations, "the search picks some conversations, not all: " + matching);
        Path picked = tmp.resolve("picked.json");
        CliProcess.Outcome pickedOut = cli.run("export", "--page", page.id(), "--format", "json", "--out",
                picked.toString(), "--search", someone.customerName());
        assertEquals(0, pickedOut.exit(), pickedOut.all());
        assertEquals(matching, JSON.readTree(picked.toFile()).get("conversations").size(),
                "the export writes what the list shows for the same filters");
        assertEquals(2, cli.run("conversations", "list", "--page", page.id(), "--limit", "0").exit(),
                "a limit below 1 is a usage error");

        Path csv = tmp.resolve("export.csv");
        CliProcess.Outcome exported = cli.run("export", "--page", page.id(), "--format", "csv", "--out", csv.toString());
        printed.add(exported.all());
        assertEquals(0, exported.exit(), exported.all());
        assertTrue(exported.out().contains(messages + " messages"), exported.out());

        for (String output : printed) {
            assertFalse(output.contains(page.token()), "token printed: " + output);
        }
        assertTokenNowhereButTheVault(tmp.resolve("home"), page.token());
    }

    @Test
    void demoSyncsTheSimulatorsPagesThenCatchesUpIncrementally() throws Exception {
        CliProcess cli = new CliProcess(tmp.resolve("demo"), Map.of());
        CliProcess.Outcome first = cli.run("demo", "--conversations", "40", "--rate", "0");
        assertEquals(0, first.exit(), first.all());
        assertEquals(3, first.out().lines().filter(l -> l.startsWith("✓ ") && l.contains("(full)")).count(), first.out());
        assertTrue(first.out().contains("Inserted 40 • Updated 0 • Total touched 40"), first.out());

        CliProcess.Outcome second = cli.run("demo", "--conversations", "40", "--rate", "0");
        assertEquals(0, second.exit(), second.all());
        assertEquals(3, second.out().lines().filter(l -> l.startsWith("✓ ") && l.contains("(incremental)")).count(), second.out());
        assertTrue(second.out().contains("Inserted 1 • Updated "), "new activity between runs: " + second.out());
    }

    @Test
    void aBadTokenGetsOneClearLineAndExitCode3() throws Exception {
        String canary = "CANARY_TOKEN_9f8e7d6c5b4a";
        CliProcess.Outcome debug = cli("bad").run("pages", "add", "--token", canary);
        assertEquals(3, debug.exit(), debug.all());
        assertFalse(debug.all().contains(canary), "the token must never be printed or logged, even at DEBUG");

        CliProcess.Outcome r = quiet("bad").run("pages", "add", "--token", canary);
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.err().startsWith("Error: Facebook rejected the token"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(r.all().contains(canary));
    }

    @Test
    void anUnreachableDatabaseIsSaidPlainly() throws Exception {
        CliProcess.Outcome r = quiet("nodb").run("pages", "list", "--db-url", "jdbc:postgresql://127.0.0.1:9/inbox",
                "--db-user", "someone", "--db-password", "secret-pw");
        assertEquals(3, r.exit(), r.all());
        assertTrue(r.err().startsWith("Error: Cannot reach the database at 127.0.0.1:9"), r.err());
        assertEquals(1, r.err().strip().lines().count(), "one line: " + r.err());
        assertFalse(r.all().contains("secret-pw"));
        assertFalse(r.all().contains("\tat "), "no stack trace: " + r.all());
    }

    @Test
    void oneFailingPageMakesTheExitCode1AndTheOthersStillSync() throws Exception {
        CliProcess cli = cli("mixed");
        assertEquals(0, cli.run("pages", "import", "--user-token", sim.userToken()).exit());
        try (GraphSimulator other = GraphSimulator.start(SimulatorConfig.small(21).withPages(2).withConversations(80))) {
            other.revokeToken(other.pages().get(1).id(), 460);
            CliProcess pointed = against(other, "mixed");
            CliProcess.Outcome r = pointed.run("sync", "--all");
            assertEquals(1, r.exit(), r.all());
            assertTrue(r.out().contains("✓ " + other.pages().get(0).name()), r.out());
            assertTrue(r.out().contains("✗ " + other.pages().get(1).name()), r.out());
            assertTrue(r.out().toLowerCase().contains("password"), r.out());
        }
    }

    @Test
    void aKilledSyncLosesNothingAndTheNextRunFinishesTheJob() throws Exception {
        try (GraphSimulator slow = slowSimulator(33)) {
            SimPage page = slow.pages().get(0);
            CliProcess cli = against(slow, "killed");
            Process running = syncUntilTheFirstBatchIsWritten(cli, page);
            running.destroyForcibly().waitFor();

            CliProcess.Outcome rerun = cli.run("sync", "--page", page.id(), "--json");
            assertEquals(0, rerun.exit(), rerun.all());
            CliProcess.Outcome listed = cli.run("pages", "list", "--json");
            JsonNode summary = JSON.readTree(listed.out()).get(0);
            assertEquals(slow.conversations(page.id()).size(), summary.get("conversations").asInt());
            // field for field, in the home's own embedded database (no CLI runs now)
            try (EmbeddedDatabase server = EmbeddedDatabase.start(tmp.resolve("killed"));
                 Database db = Database.connect(server.settings())) {
                StoredCopy.assertEqualsSimulator(slow, db.dataSource(), page.id());
            }
            CliProcess.Outcome runs = cli.run("runs");
            assertTrue(runs.out().contains("This sync never finished"),
                    "the killed run is closed with a reason, not left running: " + runs.out());
            assertFalse(runs.out().contains(" running "), runs.out());
        }
    }

    @Test
    void whileOneProcessSyncsAnotherCanBrowseButCannotSyncTheSamePage() throws Exception {
        try (GraphSimulator slow = slowSimulator(35)) {
            SimPage page = slow.pages().get(0);
            CliProcess cli = against(slow, "shared");
            Process running = syncUntilTheFirstBatchIsWritten(cli, page);
            // keep the first sync (and so its process, which owns the embedded server) going whatever the machine's
            // load: two more JVMs start before the refusal is seen, which took over a minute on a loaded machine
            slow.setLatency(Duration.ofSeconds(5));
            CliProcess.Outcome listed = cli.runAs("second", "pages", "list", "--json");
            assertEquals(0, listed.exit(), listed.all());
            assertTrue(JSON.readTree(listed.out()).get(0).get("conversations").asInt() > 0, listed.out());

            CliProcess.Outcome refused = cli.runAs("second", "sync", "--page", page.id());
            assertEquals(1, refused.exit(), refused.all());
            assertTrue(refused.out().contains("already running"), refused.all());

            slow.setLatency(Duration.ZERO);
            assertTrue(running.waitFor(120, java.util.concurrent.TimeUnit.SECONDS), "the first sync finishes");
            assertEquals(0, running.exitValue(), cli.stdout() + cli.stderr());
        }
    }

    @Test
    void ctrlCOrSigtermStopsASyncGracefullyAndRecordsItAsCancelled() throws Exception {
        try (GraphSimulator slow = slowSimulator(34)) {
            SimPage page = slow.pages().get(0);
            CliProcess cli = against(slow, "stopped");
            Process running = syncUntilTheFirstBatchIsWritten(cli, page);
            running.destroy(); // SIGTERM, handled like Ctrl-C
            assertTrue(running.waitFor(30, java.util.concurrent.TimeUnit.SECONDS), "stopped within 30 s");
            assertEquals(130, running.exitValue(), cli.stdout() + cli.stderr());
            JsonNode last = last(jsonLines(cli.stdout()));
            assertEquals("error", last.get("status").asText());
            assertEquals("cancelled", last.get("reason").asText());
            CliProcess.Outcome runs = cli.run("runs");
            assertTrue(runs.out().contains("cancelled"), runs.out());
        }
    }

    /** Adds the page and starts a sync in the background; returns once its first batch is in the database. */
    private static Process syncUntilTheFirstBatchIsWritten(CliProcess cli, SimPage page) throws Exception {
        assertEquals(0, cli.run("pages", "add", "--token", page.token()).exit());
        return cli.syncUntilTheFirstBatchIsWritten("--page", page.id());
    }

    private static void assertTokenNowhereButTheVault(Path home, String token) throws Exception {
        try (Stream<Path> files = Files.walk(home)) {
            for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().equals("tokens.properties"))
                    .filter(f -> !f.toString().contains("/db/base/")).toList()) {
                byte[] bytes = Files.readAllBytes(f);
                assertFalse(new String(bytes, StandardCharsets.ISO_8859_1).contains(token), "token found in " + f);
            }
        }
        try (EmbeddedDatabase embedded = EmbeddedDatabase.start(home);
             Database db = Database.connect(embedded.settings());
             Connection c = db.dataSource().getConnection()) {
            for (String table : List.of("facebook_pages", "messenger_conversations", "messenger_messages", "sync_runs")) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT row_to_json(t)::text FROM " + table + " t")) {
                    while (rs.next()) {
                        assertFalse(rs.getString(1).contains(token), "token stored in " + table);
                    }
                }
            }
        }
    }

    private static List<JsonNode> jsonLines(String out) throws Exception {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isBlank()) {
                nodes.add(JSON.readTree(line));
            }
        }
        return nodes;
    }

    private static JsonNode last(List<JsonNode> nodes) {
        return nodes.get(nodes.size() - 1);
    }
}
