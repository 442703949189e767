package app.inboxsync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.simulator.GraphSimulator;
import app.inboxsync.simulator.SimConversation;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.sync.GraphGateway;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI killed with SIGKILL (no shutdown hook, no cleanup) at random points of its history phase: the
 * list and every message fetched are kept, the histories left pending are finished by the next run, which costs
 * fewer calls than a fresh full sync, and the copy ends with every conversation and message once.
 */
class HistoryKilledIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int PAGE = GraphGateway.MAX_LIMIT;

    @TempDir
    Path tmp;

    @Test
    void killedInItsHistoryPhaseTheNextRunFinishesThePendingHistoriesForFewerCalls() throws Exception {
        Random random = new Random(4242);
        for (int round = 0; round < 2; round++) {
            try (GraphSimulator sim = GraphSimulator.start(SimulatorConfig.small(600 + round).withPages(1)
                    .withConversations(200).withLongShare(0.3).withHugeShare(0.03).withLatency(Duration.ofMillis(15)))) {
                SimPage page = sim.pages().get(0);
                CliProcess cli = new CliProcess(tmp.resolve("home" + round),
                        Map.of("INBOXSYNC_GRAPH_URL", sim.baseUrl(), "INBOXSYNC_RATE", "0"));
                assertEquals(0, cli.run("pages", "add", "--token", page.token()).exit());
                int historyPages = 0;
                for (SimConversation c : sim.conversations(page.id())) {
                    historyPages += (Math.max(0, c.messageCount() - PAGE) + PAGE - 1) / PAGE;
                }
                int fresh = listingCalls(sim, page) + historyPages;
                int killAfter = 1 + random.nextInt(historyPages / 2);

                Process running = cli.start("sync", "--page", page.id(), "--json");
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (historyPagesDone(cli.stdout()) < killAfter && running.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                assertTrue(running.isAlive(), "round " + round + ": the sync should still be running: " + cli.stdout());
                running.destroyForcibly().waitFor(); // SIGKILL

                JsonNode afterKill = JSON.readTree(cli.run("pages", "list", "--json").out()).get(0);
                assertEquals(sim.conversations(page.id()).size(), afterKill.get("conversations").asInt(),
                        "the whole list is kept: " + afterKill);
                assertTrue(afterKill.get("history_pending").asInt() > 0, afterKill.toString());
                assertTrue(afterKill.get("coverage").asDouble() < 1.0, "pending history is no 100 %: " + afterKill);

                long before = sim.requestCount(page.id());
                CliProcess.Outcome rerun = cli.run("sync", "--page", page.id(), "--json");
                assertEquals(0, rerun.exit(), rerun.all());
                long calls = sim.requestCount(page.id()) - before;
                assertTrue(calls < fresh, "round " + round + ": the next run made " + calls
                        + " calls, a fresh full sync needs " + fresh);
                JsonNode complete = last(rerun.out());
                assertEquals("complete", complete.get("status").asText(), rerun.out());
                long messages = sim.conversations(page.id()).stream().mapToLong(c -> sim.messages(c.id()).size()).sum();
                assertEquals(0, complete.get("history_pending").asInt(), complete.toString());
                assertEquals(sim.conversations(page.id()).size(), complete.get("conversations_stored").asInt());
                assertEquals(messages, complete.get("messages_stored").asLong(), "every message once");

                JsonNode listed = JSON.readTree(cli.run("pages", "list", "--json").out()).get(0);
                assertEquals(messages, listed.get("messages").asLong());
                assertEquals(0, listed.get("history_pending").asInt());
                assertTrue(cli.run("runs").out().contains("This sync never finished"), "the killed run is closed");
            }
        }
    }

    private static int historyPagesDone(String jsonLines) {
        int done = 0;
        for (String line : jsonLines.split("\n")) {
            if (line.contains("\"status\":\"history\"")) {
                try {
                    done = Math.max(done, JSON.readTree(line).get("pages_done").asInt());
                } catch (Exception partialLine) {
                    // the line is still being written
                }
            }
        }
        return done;
    }

    private static int listingCalls(GraphSimulator sim, SimPage page) {
        Map<String, Long> perFolder = sim.conversations(page.id()).stream()
                .collect(java.util.stream.Collectors.groupingBy(SimConversation::folder, java.util.stream.Collectors.counting()));
        int calls = 0;
        for (String folder : new String[] {"inbox", "page_done", "other", "spam"}) {
            calls += Math.max(1, (int) ((perFolder.getOrDefault(folder, 0L) + PAGE - 1) / PAGE));
        }
        return calls;
    }

    private static JsonNode last(String jsonLines) throws Exception {
        String[] lines = jsonLines.strip().split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (lines[i].startsWith("{")) {
                return JSON.readTree(lines[i]);
            }
        }
        throw new AssertionError("no JSON line in: " + jsonLines);
    }
}
