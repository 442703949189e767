package app.inboxsync.cli;

import app.inboxsync.app.AppConfig;
import app.inboxsync.app.AppContext;
import app.inboxsync.app.DemoWorld;
import app.inboxsync.simulator.GraphSimulator;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.domain.Secret;
import app.inboxsync.sync.CancelSignal;
import app.inboxsync.sync.PageAccess;
import app.inboxsync.sync.SyncRequest;
import app.inboxsync.sync.SyncResult;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "demo", description = {
        "See the whole job with no Facebook account: starts the Graph simulator in this process, adds its Pages to",
        "a database of their own (demo/ under the home, the desktop's \"Try demo data\" one; never your real Pages'",
        "database) and syncs them all; then run it again to see an incremental sync."})
final class DemoCommand extends AppCommand {
    @Mixin
    SimulatorOptions world;

    @Override
    public Integer call() {
        // Fake pages must never mix with real ones (a later `sync --all` would try their fake tokens on
        // Facebook): the demo keeps its own home and database, the desktop's, whatever --home or --db-url say.
        AppConfig demoConfig = DemoWorld.configFor(config());
        java.nio.file.Path home = demoConfig.home();
        try (DemoWorld demo = DemoWorld.start(demoConfig, world.config(0))) {
            GraphSimulator simulator = demo.simulator();
            AppContext app = demo.app();
            out().printf("Graph simulator on %s with %d pages × %d conversations; data in %s%n",
                    simulator.baseUrl(), world.pages, world.conversations, home);
            for (SimPage page : demo.pagesWithNewActivity()) {
                out().printf("%s: 10 new messages and 1 new conversation since the last demo%n", page.name());
            }
            List<SyncRequest> requests = new ArrayList<>();
            for (SimPage page : simulator.pages()) {
                requests.add(new SyncRequest(new PageAccess(page.id(), Secret.of(page.token())), null, false));
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
