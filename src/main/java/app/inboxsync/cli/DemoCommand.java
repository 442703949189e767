package app.inboxsync.cli;

import app.inboxsync.app.AppConfig;
import app.inboxsync.app.AppContext;
import app.inboxsync.simulator.GraphSimulator;
import app.inboxsync.simulator.SimConversation;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.domain.Secret;
import app.inboxsync.sync.CancelSignal;
import app.inboxsync.sync.PageAccess;
import app.inboxsync.sync.SyncRequest;
import app.inboxsync.sync.SyncResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "demo", description = {
        "See the whole job with no Facebook account: starts the Graph simulator in this process, adds its Pages to",
        "the (embedded) database and syncs them all; then run it again to see an incremental sync."})
final class DemoCommand extends AppCommand {
    @Mixin
    SimulatorOptions world;

    /** On a second run the pages are known: new messages make the incremental sync worth watching. */
    private void addActivity(GraphSimulator simulator, SimPage page) {
        List<SimConversation> all = simulator.conversations(page.id());
        Random random = new Random();
        for (int i = 0; i < 10 && !all.isEmpty(); i++) {
            simulator.addMessage(all.get(random.nextInt(all.size())).id(), true, "Hello again 👋 (demo message " + (i + 1) + ")");
        }
        simulator.addConversation(page.id(), "inbox", 3);
        out().printf("%s: 10 new messages and 1 new conversation since the last demo%n", page.name());
    }

    @Override
    public Integer call() {
        try (GraphSimulator simulator = GraphSimulator.start(world.config(0))) {
            AppConfig base = config();
            // Fake pages must never mix with real ones (a later `sync --all` would try their fake tokens on
            // Facebook): unless told where, the demo keeps its own home.
            java.nio.file.Path home = options.homeGiven() ? base.home() : base.home().resolve("demo");
            AppConfig config = new AppConfig(home, base.database(), base.graph().withBaseUrl(simulator.baseUrl()));
            try (AppContext app = AppContext.open(config)) {
                out().printf("Graph simulator on %s with %d pages × %d conversations; data in %s%n",
                        simulator.baseUrl(), world.pages, world.conversations, config.home());
                List<SyncRequest> requests = new ArrayList<>();
                for (SimPage page : simulator.pages()) {
                    if (app.pages().findPage(page.id()).isPresent()) {
                        addActivity(simulator, page);
                    }
                    Secret token = Secret.of(page.token());
                    app.pages().savePage(app.graph().identifyPage(token));
                    app.vault().store(page.id(), token);
                    requests.add(new SyncRequest(new PageAccess(page.id(), token), null, false));
                }
                boolean interactive = System.console() != null;
                List<SyncResult> results;
                try (TerminalProgress progress = new TerminalProgress(out(), interactive)) {
                    results = app.sync(requests, progress, requests.size(), new CancelSignal());
                }
                out().printf("%nBrowse the copy: inbox-sync conversations list --page %s --home %s%n",
                        simulator.pages().get(0).id(), home);
                out().printf("Pages and coverage: inbox-sync pages list --home %s%n", home);
                return results.stream().allMatch(SyncResult::succeeded) ? 0 : InboxSyncCommand.PAGE_FAILED;
            }
        }
    }
}
