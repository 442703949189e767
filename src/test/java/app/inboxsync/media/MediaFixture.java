package app.inboxsync.media;

import app.inboxsync.app.MediaService;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.domain.Secret;
import app.inboxsync.graph.GraphClient;
import app.inboxsync.graph.GraphSettings;
import app.inboxsync.secrets.TokenVault;
import app.inboxsync.simulator.GraphSimulator;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.store.TestDatabase;
import app.inboxsync.store.read.PageRepository;
import app.inboxsync.store.server.Database;
import app.inboxsync.store.write.PostgresInboxStore;
import app.inboxsync.sync.CancelSignal;
import app.inboxsync.sync.PageAccess;
import app.inboxsync.sync.SyncListener;
import app.inboxsync.sync.SyncRequest;
import app.inboxsync.sync.SyncResult;
import app.inboxsync.sync.SyncService;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The simulator over HTTP, a fresh embedded-PostgreSQL database, the real Graph client, and a synced Page. */
final class MediaFixture implements AutoCloseable {

    /** One row of {@code message_media}. */
    record Row(String messageId, int index, String kind, String status, long declaredSize, Long size, String sha256,
            String url, String error) { }

    final GraphSimulator sim;
    final Database db;
    final GraphClient graph;
    final SimPage page;
    final TokenVault vault;

    MediaFixture(long seed) {
        sim = GraphSimulator.start(SimulatorConfig.small(seed).withPages(1).withConversations(150));
        db = TestDatabase.fresh();
        graph = new GraphClient(GraphSettings.defaults(sim.baseUrl()).withCallsPerSecondPerPage(0)
                .withRetries(2, Duration.ofMillis(1)), null);
        page = sim.pages().get(0);
        new PageRepository(db).savePage(new PageProfile(page.id(), page.name(), page.category()));
        vault = new TokenVault() {
            @Override
            public Optional<Secret> token(String pageId) {
                return pageId.equals(page.id()) ? Optional.of(Secret.of(page.token())) : Optional.empty();
            }

            @Override
            public void store(String pageId, Secret token) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean remove(String pageId) {
                return false;
            }

            @Override
            public String describe() {
                return "the test's";
            }
        };
    }

    SyncResult sync(SyncListener listener) {
        return new SyncService(graph, new PostgresInboxStore(db))
                .sync(new SyncRequest(new PageAccess(page.id(), Secret.of(page.token())), null, true), listener,
                        new CancelSignal());
    }

    /** @param folder {@code <home>/media}, where the default settings keep files */
    MediaService media(Path folder, long maxFile, long quota) {
        return new MediaService(db, graph, vault, MediaSettings.defaults(folder.getParent()).withLimits(maxFile, quota)
                .withFirstRetry(Duration.ofMillis(5)));
    }

    List<Row> rows() throws SQLException {
        List<Row> out = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT message_id, attachment_index, kind, status, declared_size,"
                     + " size, sha256, source_url, error FROM message_media ORDER BY message_id, attachment_index");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        (Long) rs.getObject(6), rs.getString(7), rs.getString(8), rs.getString(9)));
            }
        }
        return out;
    }

    @Override
    public void close() {
        graph.close();
        db.close();
        sim.close();
    }
}
