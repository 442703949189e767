package app.inboxsync.bench;

import app.inboxsync.app.MediaService;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.domain.Secret;
import app.inboxsync.graph.GraphClient;
import app.inboxsync.graph.GraphSettings;
import app.inboxsync.media.FetchTally;
import app.inboxsync.media.MediaSettings;
import app.inboxsync.secrets.TokenVault;
import app.inboxsync.simulator.GraphSimulator;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.store.read.PageRepository;
import app.inboxsync.store.server.Database;
import app.inboxsync.store.write.PostgresInboxStore;
import app.inboxsync.sync.CancelSignal;
import app.inboxsync.sync.GraphObserver;
import app.inboxsync.sync.PageAccess;
import app.inboxsync.sync.SyncListener;
import app.inboxsync.sync.SyncRequest;
import app.inboxsync.sync.SyncService;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Media throughput: a Page synced without latency or rate limit, then every attachment file downloaded from the
 * simulator's CDN into a fresh folder store (hash checked, moved into place) by {@code media fetch}'s pool.
 */
final class MediaBench {
    private final Database database;
    private final PrintWriter out;
    private final Path home;

    MediaBench(Database database, PrintWriter out, Path home) {
        this.database = database;
        this.out = out;
        this.home = home;
    }

    BenchResult run(int conversations) throws InterruptedException {
        try (GraphSimulator sim = BenchScenarios.simulator(505, 1, conversations, 0, 0);
             GraphClient graph = new GraphClient(GraphSettings.defaults(sim.baseUrl()).withCallsPerSecondPerPage(0),
                     GraphObserver.NONE)) {
            SimPage page = sim.pages().get(0);
            new PageRepository(database).savePage(new PageProfile(page.id(), page.name(), page.category()));
            new SyncService(graph, new PostgresInboxStore(database)).sync(new SyncRequest(new PageAccess(page.id(),
                    Secret.of(page.token())), null, false), SyncListener.NONE, new CancelSignal());
            MediaSettings settings = MediaSettings.defaults(home.resolve("media-bench"));
            try (MediaService media = new MediaService(database, graph, vaultOf(page), settings)) {
                long start = System.nanoTime();
                FetchTally.Snapshot done = media.fetch(page.id(), new FetchTally());
                double wall = (System.nanoTime() - start) / 1e9;
                long files = done.stored() + done.alreadyStored();
                double mb = done.bytes() / (double) MediaSettings.MB;
                String figures = String.format("%.0f files/s, %.1f MB/s (%d files, %d distinct, %.1f MB, %d threads)",
                        files / wall, mb / wall, files, done.stored(), mb, settings.threads());
                out.printf("%-26s %.2f s: %s%n", "media, " + conversations + " conv", wall, figures);
                out.flush();
                return new BenchResult("media fetch, " + conversations + " conv", 0, 0, wall, 0, files, 0, 0,
                        figures, done.failed() == 0);
            }
        }
    }

    private static TokenVault vaultOf(SimPage page) {
        return new TokenVault() {
            @Override
            public Optional<Secret> token(String pageId) {
                return pageId.equals(page.id()) ? Optional.of(Secret.of(page.token())) : Optional.empty();
            }

            @Override
            public void store(String pageId, Secret token) {
                throw new UnsupportedOperationException("the bench keeps no tokens");
            }

            @Override
            public boolean remove(String pageId) {
                return false;
            }

            @Override
            public String describe() {
                return "the bench's";
            }
        };
    }
}
