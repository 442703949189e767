package app.inboxsync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.inboxsync.simulator.GraphSimulator;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI's edges, as a new user meets them: the packaged jar in its own process, on a home of its own. */
class CliEdgesIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static GraphSimulator sim;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startSimulator() {
        sim = GraphSimulator.start(SimulatorConfig.small(61).withPages(1).withConversations(80));
    }

    @AfterAll
    static void stopSimulator() {
        sim.close();
    }

    /** The token file, whatever keychain the machine has: these tests are about that file. */
    private CliProcess cli(String name) {
        return new CliProcess(tmp.resolve(name), Map.of("INBOXSYNC_GRAPH_URL", sim.baseUrl(), "INBOXSYNC_RATE", "0",
                "INBOXSYNC_TOKEN_STORE", "file"));
    }

    @Test
    void theDefaultLimitSaysHowManyItLeftOut() throws Exception {
        SimPage page = sim.pages().get(0);
        CliProcess cli = cli("limit");
        assertEquals(0, cli.run("pages", "add", "--token", page.token()).exit());
        assertEquals(0, cli.run("sync", "--page", page.id()).exit());
        int stored = sim.conversations(page.id()).size();

        CliProcess.Outcome table = cli.run("conversations", "list", "--page", page.id());
        assertEquals(0, table.exit(), table.all());
        assertEquals(1 + 50, table.out().lines().filter(l -> !l.startsWith("Showing")).count(), "header and 50 rows: " + table.out());
        assertTrue(table.out().contains("Showing 50 of " + stored + " conversations (newest first). See them all with --limit "
                + stored), table.out());

        CliProcess.Outcome json = cli.run("conversations", "list", "--page", page.id(), "--json");
        assertEquals(50, JSON.readTree(json.out()).size(), "stdout stays one JSON array");
        assertTrue(json.err().contains("Showing 50 of " + stored), json.err());

        CliProcess.Outcome all = cli.run("conversations", "list", "--page", page.id(), "--limit", String.valueOf(stored));
        assertFalse(all.all().contains("Showing"), "nothing left out, nothing said: " + all.all());
    }

    @Test
    void anUnwritableHomeIsNamedAndAddsNothing() throws Exception {
        CliProcess cli = cli("locked");
        Path home = tmp.resolve("locked");
        assertEquals(0, cli.run("pages", "list").exit(), "the home and its database exist");
        assumeTrue(lock(home), "needs chattr +i (root) or a user chmod applies to");
        CliProcess.Outcome added;
        try {
            added = cli.run("pages", "add", "--token", sim.pages().get(0).token());
        } finally {
            unlock(home);
        }
        assertEquals(3, added.exit(), added.all());
        assertTrue(added.err().startsWith("Error: Cannot keep the token: the folder " + home + " is not writable ("), added.err());
        assertTrue(added.err().contains("--home or INBOXSYNC_HOME"), added.err());
        assertEquals(1, added.err().strip().lines().count(), "one line: " + added.err());
        assertEquals(0, JSON.readTree(cli.run("pages", "list", "--json").out()).size(),
                "atomic: no Page stored without its token");
    }

    @Test
    void aDamagedTokenFileIsNamedWithWhatToDo() throws Exception {
        CliProcess cli = cli("damaged");
        Path home = tmp.resolve("damaged");
        assertEquals(0, cli.run("pages", "list").exit());
        Files.writeString(home.resolve("tokens.properties"), "# Inbox Sync page tokens\n1234=EAAB\\u00zz\n", StandardCharsets.UTF_8);
        CliProcess.Outcome added = cli.run("pages", "add", "--token", sim.pages().get(0).token());
        assertEquals(3, added.exit(), added.all());
        assertTrue(added.err().startsWith("Error: The token file " + home.resolve("tokens.properties") + " is damaged"), added.err());
        assertTrue(added.err().contains("move the file aside and add the Pages again (inbox-sync pages add --token)"), added.err());
        assertEquals(1, added.err().strip().lines().count(), "one line: " + added.err());
        assertEquals(0, JSON.readTree(cli.run("pages", "list", "--json").out()).size(), "nothing stored");
    }

    @Test
    void demoKeepsItsPagesInTheDemoHomeNeverInTheRealOne() throws Exception {
        CliProcess cli = new CliProcess(tmp.resolve("real"), Map.of());
        CliProcess.Outcome demo = cli.run("demo", "--pages", "2", "--conversations", "10", "--rate", "0");
        assertEquals(0, demo.exit(), demo.all());
        Path demoHome = tmp.resolve("real").resolve("demo");
        assertTrue(demo.out().contains("data in " + demoHome), demo.out());
        assertEquals(0, JSON.readTree(cli.run("pages", "list", "--json").out()).size(), "the real home has no pretend Page");
        JsonNode demoPages = JSON.readTree(cli.run("pages", "list", "--json", "--home", demoHome.toString()).out());
        assertEquals(2, demoPages.size(), "the demo's Pages are in the demo home, where the desktop's demo looks");
    }

    @Test
    void theDesktopAppStartsWithoutJavaFxsUnsupportedConfigurationWarning() throws Exception {
        Path home = tmp.resolve("desktop");
        Files.createDirectories(home);
        String jar = System.getProperty("inboxsync.jar", "target/inbox-sync.jar");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar));
        ProcessBuilder pb = new ProcessBuilder(command);
        // no display: JavaFX gets as far as its start-up checks (where the warning is printed), then says so
        pb.environment().keySet().removeIf(k -> k.startsWith("INBOXSYNC_") || k.equals("DISPLAY") || k.equals("WAYLAND_DISPLAY"));
        pb.environment().put("INBOXSYNC_HOME", home.toString());
        Path out = tmp.resolve("desktop.out");
        pb.redirectErrorStream(true).redirectOutput(out.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "ends without a display");
        String printed = Files.readString(out);
        assertTrue(printed.contains("Unable to open DISPLAY"), "JavaFX started and found no display: " + printed);
        assertFalse(printed.contains("Unsupported JavaFX configuration"), printed);
        assertTrue(printed.startsWith("Error: No display to open the desktop app on"), printed);
        assertEquals(3, p.exitValue(), printed);
    }

    /** Makes {@code dir} unwritable even for root (immutable), else by its mode; false if neither holds. */
    private static boolean lock(Path dir) throws Exception {
        if (!chattr("+i", dir)) {
            dir.toFile().setWritable(false, false);
        }
        Path probe = dir.resolve("probe");
        try {
            Files.createFile(probe);
            Files.delete(probe);
            unlock(dir);
            return false;
        } catch (java.io.IOException expected) {
            return true;
        }
    }

    private static void unlock(Path dir) throws Exception {
        chattr("-i", dir);
        dir.toFile().setWritable(true, true);
    }

    private static boolean chattr(String flag, Path dir) throws InterruptedException {
        try {
            return new ProcessBuilder("chattr", flag, dir.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor() == 0;
        } catch (java.io.IOException noChattr) {
            return false;
        }
    }
}
