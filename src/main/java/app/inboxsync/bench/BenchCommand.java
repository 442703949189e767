package app.inboxsync.bench;

import app.inboxsync.app.AppContext;
import app.inboxsync.app.Parallelism;
import app.inboxsync.store.server.Database;
import app.inboxsync.store.server.EmbeddedDatabase;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "bench", description = {
        "Measure sync speed against the bundled Graph simulator and an embedded PostgreSQL (temporary data).",
        "Run it as: java -Xmx256m -jar target/inbox-sync.jar bench",
        "Scenarios ui and photos (not run by default) open a real window (real glass) and need a",
        "display; run each on its own as: xvfb-run -a java -jar target/inbox-sync.jar bench \\",
        "  --scenarios ui (or photos)"})
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--conversations", defaultValue = "1000", description = "Conversations per Page (default ${DEFAULT-VALUE}).")
    int conversations;

    @Option(names = "--pages", defaultValue = "5", description = "Pages for the sync-all scenario (default ${DEFAULT-VALUE}).")
    int pages;

    @Option(names = "--latency-ms", defaultValue = "100")
    long latencyMs;

    @Option(names = "--rate", defaultValue = "2", description = "Calls per second per Page, enforced by the simulator and paced by the client.")
    double rate;

    @Option(names = "--throughput-conversations", defaultValue = "20000")
    int throughputConversations;

    @Option(names = "--ui-conversations", defaultValue = "20000", description = "Conversations of the ui scenario's Page (default ${DEFAULT-VALUE}).")
    int uiConversations;

    @Option(names = "--ui-paced", description = "Run the ui scenario at the real pace (--latency-ms, --rate: a 20,000-conversation"
            + " Page takes about 18 minutes) instead of as fast as the machine goes.")
    boolean uiPaced;

    @Option(names = "--ui-pages", defaultValue = "200", description = "Pages of the ui-many scenario (default ${DEFAULT-VALUE}).")
    int uiPages;

    @Option(names = "--ui-page-conversations", defaultValue = "100", description = "Conversations per Page of the ui-many scenario (default ${DEFAULT-VALUE}).")
    int uiPageConversations;

    @Option(names = "--media-conversations", defaultValue = "2000", description = "Conversations of the media scenario's Page (default ${DEFAULT-VALUE}).")
    int mediaConversations;

    @Option(names = "--browse-conversations", defaultValue = "100000")
    int browseConversations;

    @Option(names = "--scenarios", defaultValue = "full,incremental,all,throughput", split = ",",
            description = "Which scenarios to run (default ${DEFAULT-VALUE}; also: folders (the default four folders), browse, media (attachment files into the store), photos (the thread view with 200 photos), ui, ui-many (Sync all of --ui-pages Pages in the window)).")
    List<String> scenarios;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (scenarios.contains("ui") || scenarios.contains("photos") || scenarios.contains("ui-many")) {
            UiBench.requireDisplay();
        }
        // a bad INBOXSYNC_BATCH_BUDGET_MB says so in one sentence here, before anything starts
        long budgetMb = AppContext.configuredBatchBudget().capacityBytes() >> 20;
        Path home = Files.createTempDirectory("inbox-sync-bench");
        out.printf("Bench: %d conversations/page, avg 20 messages (10%% over 100), latency %d ms, %.1f calls/s/page, "
                        + "max heap %d MB, batch budget %d MB%n",
                conversations, latencyMs, rate, Runtime.getRuntime().maxMemory() >> 20, budgetMb);
        List<BenchResult> results = new ArrayList<>();
        try (EmbeddedDatabase embedded = EmbeddedDatabase.start(home);
             Database database = Database.connect(embedded.settings(), Database.poolSizeFor(Parallelism.MOST))) {
            BenchScenarios run = new BenchScenarios(database, out, conversations, latencyMs, rate);
            BenchResult full = null;
            if (scenarios.contains("full") || scenarios.contains("incremental")) {
                full = run.fullThenIncremental(results, scenarios.contains("incremental"));
            }
            if (scenarios.contains("folders")) {
                run.defaultFolders(results);
            }
            if (scenarios.contains("all")) {
                run.allPages(results, pages, full);
            }
            if (scenarios.contains("throughput")) {
                run.throughput(results, throughputConversations);
            }
            if (scenarios.contains("media")) {
                results.add(new MediaBench(database, out, home).run(mediaConversations));
            }
            if (scenarios.contains("browse")) {
                new BrowseBench(database, out, browseConversations).run();
            }
            if (scenarios.contains("photos")) {
                results.add(new ThreadPhotosBench(embedded.settings(), home, out).run());
            }
            if (scenarios.contains("ui")) {
                results.add(new UiBench(embedded.settings(), home, out, uiPaced ? latencyMs : 0, uiPaced ? rate : 0)
                        .run(uiConversations));
            }
            if (scenarios.contains("ui-many")) {
                results.add(new UiBench(embedded.settings(), home, out, uiPaced ? latencyMs : 0, uiPaced ? rate : 0)
                        .runMany(uiPages, uiPageConversations));
            }
        } finally {
            deleteQuietly(home);
        }
        out.println();
        BenchResult.printTable(results, out);
        return results.stream().allMatch(BenchResult::met) ? 0 : 1;
    }

    private static void deleteQuietly(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
