package app.inboxsync.cli;

import app.inboxsync.simulator.GraphSimulator;
import app.inboxsync.simulator.SimPage;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "demo-server", description = {
        "Run the bundled Graph simulator: a fake Graph API with generated Pages, for trying Inbox Sync without Facebook.",
        "Prints its Pages' tokens (fake ones: the only tokens Inbox Sync ever prints)."})
final class DemoServerCommand implements Callable<Integer> {
    @Mixin
    SimulatorOptions world;

    @Option(names = "--port", defaultValue = "8089", description = "Port on 127.0.0.1 (default ${DEFAULT-VALUE}; 0 = any free).")
    int port;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        GraphSimulator simulator = GraphSimulator.start(world.config(port));
        var out = spec.commandLine().getOut();
        out.printf("Graph simulator listening on %s%n%n", simulator.baseUrl());
        for (SimPage page : simulator.pages()) {
            out.printf("  %-22s %-18s page token: %s%n", page.name(), page.id(), page.token());
        }
        out.printf("%n  user token (for pages import): %s%n%n", simulator.userToken());
        out.printf("Try it:%n  export INBOXSYNC_GRAPH_URL=%s%n  inbox-sync pages import --user-token %s%n  inbox-sync sync --all%n",
                simulator.baseUrl(), simulator.userToken());
        out.printf("Add activity while you watch: curl -X POST '%s/_sim/activity?page=%s&conversations=10'%n",
                simulator.baseUrl(), simulator.pages().get(0).id());
        out.printf("Break it on purpose:       curl -X POST '%s/_sim/faults?kind=rate-limit&count=3'%n"
                + "  (kinds: drop, server-error, malformed, temporary, reduce-data, rate-limit, slow, out-of-order;"
                + " curl -X DELETE %s/_sim/faults clears them)%n", simulator.baseUrl(), simulator.baseUrl());
        out.printf("Play a newer Graph version:  curl -X POST '%s/_sim/refusals?edge=conversations&field=unread_count'%n"
                + "  (or ?folder=spam; edges: conversations, messages, me, accounts;"
                + " curl -X DELETE %s/_sim/refusals serves everything again)%n", simulator.baseUrl(), simulator.baseUrl());
        out.println("Ctrl-C stops it.");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }, "simulator-shutdown"));
        stopped.await();
        return 0;
    }
}
