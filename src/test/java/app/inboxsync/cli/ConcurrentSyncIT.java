package app.inboxsync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.simulator.GraphSimulator;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.store.server.Database;
import app.inboxsync.store.server.EmbeddedDatabase;
import app.inboxsync.sync.StoredCopy;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two CLI processes on one home at once, as a cron job and a person would: a "sync all" while one Page syncs,
 * a reset during a sync, and a sync all killed outright. Nothing runs twice, nothing doubles, and afterwards
 * every Page holds exactly what the simulator has, field for field.
 */
class ConcurrentSyncIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;
    private GraphSimulator sim;
    private CliProcess cli;

    @BeforeEach
    void start() throws Exception {
        // slow enough (30 ms a call) that the second process acts while the first one syncs
        sim = GraphSimulator.start(SimulatorConfig.small(77).withPages(2).withConversations(500)
                .withLatency(Duration.ofMillis(30)));
        cli = new CliProcess(tmp.resolve("home"), Map.of("INBOXSYNC_GRAPH_URL", sim.baseUrl(), "INBOXSYNC_RATE", "0",
                "INBOXSYNC_LOG_LEVEL", "DEBUG"));
        assertEquals(0, cli.run("pages", "import", "--user-token", sim.userToken()).exit());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void syncAllWhileOnePageSyncsSkipsThatPageAsSyncingElsewhereAndSyncsTheOthers() throws Exception {
        SimPage busy = sim.pages().get(0);
        SimPage free = sim.pages().get(1);
        sim.setLatency(Duration.ofMillis(100)); // about 7 s for the single Page: the "sync all" starts meanwhile
        Process single = cli.syncUntilTheFirstBatchIsWritten("--page", busy.id());

        CliProcess.Outcome all = cli.runAs("cron", "sync", "--all");

        // the Page the other process holds is skipped as its business: a notice, and no failure
        assertEquals(0, all.exit(), all.all());
        assertTrue(all.out().contains("✓ " + free.name()), all.out());
        // held elsewhere; or, when this JVM started too slowly on a busy machine, already finished elsewhere after
        // it was launched: either way not synced twice
        assertTrue(all.out().contains(busy.name() + " is syncing elsewhere")
                || all.out().contains(busy.name() + " was synced elsewhere during this round"), all.out());
        assertFalse(all.out().contains("✗"), all.out());
        assertTrue(single.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, single.exitValue(), cli.stdout() + cli.stderr());
        assertEveryPageEqualsTheSimulator();
        String runs = cli.run("runs").out();
        assertFalse(runs.contains(" running "), runs);
    }

    @Test
    void aResetDuringASyncWinsTheNextSyncIsFull() throws Exception {
        SimPage page = sim.pages().get(0);
        assertEquals(0, cli.run("sync", "--page", page.id()).exit());
        sim.addConversation(page.id(), "inbox", 40);
        // a full pass of about 12 s: it lists every folder again (8 calls) but no longer re-walks complete histories
        sim.setLatency(Duration.ofMillis(1500));
        Process running = cli.syncUntilTheFirstBatchIsWritten("--page", page.id(), "--full");

        CliProcess.Outcome reset = cli.runAs("reset", "reset", "--page", page.id());

        assertEquals(0, reset.exit(), reset.all());
        assertTrue(reset.out().contains("will be full"), reset.out());
        assertTrue(running.isAlive(), "the reset did not wait for the sync: it was still running");
        assertTrue(running.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, running.exitValue(), cli.stdout() + cli.stderr());
        sim.setLatency(Duration.ZERO);
        CliProcess.Outcome next = cli.run("sync", "--page", page.id(), "--json");
        assertEquals(0, next.exit(), next.all());
        JsonNode complete = last(next.out());
        assertEquals("complete", complete.get("status").asText(), next.out());
        assertEquals("full", complete.get("mode").asText(), "the reset asked during the sync still holds: " + next.out());
        assertPagesEqualTheSimulator(List.of(page));
    }

    @Test
    void aSyncAllKilledOutrightLosesNothingAndDoublesNothing() throws Exception {
        Process running = cli.syncUntilTheFirstBatchIsWritten("--all");
        Thread.sleep(300);
        running.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no cleanup

        CliProcess.Outcome rerun = cli.run("sync", "--all");

        assertEquals(0, rerun.exit(), rerun.all());
        assertEveryPageEqualsTheSimulator();
        String runs = cli.run("runs").out();
        assertTrue(runs.contains("This sync never finished"), runs);
        assertFalse(runs.contains(" running "), runs);
    }

    /** Every Page's stored copy equals the simulator's data field for field (see {@code StoredCopy}). */
    private void assertEveryPageEqualsTheSimulator() throws Exception {
        assertPagesEqualTheSimulator(sim.pages());
    }

    private void assertPagesEqualTheSimulator(List<SimPage> which) throws Exception {
        CliProcess.Outcome listed = cli.run("pages", "list", "--json");
        JsonNode pages = JSON.readTree(listed.out());
        assertEquals(sim.pages().size(), pages.size(), listed.out());
        // no CLI runs now: open the home's own embedded database, as the next CLI would
        try (EmbeddedDatabase server = EmbeddedDatabase.start(tmp.resolve("home"));
             Database db = Database.connect(server.settings())) {
            for (SimPage page : which) {
                StoredCopy.assertEqualsSimulator(sim, db.dataSource(), page.id());
            }
        }
    }

    private static JsonNode last(String jsonLines) throws Exception {
        String[] lines = jsonLines.strip().split("\n");
        return JSON.readTree(lines[lines.length - 1]);
    }
}
