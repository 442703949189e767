package app.inboxsync.store.server;

import app.inboxsync.domain.Secret;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded server another Inbox Sync process runs on the same home (the desktop app while cron syncs,
 * say). We connect to it as a client instead of refusing: the per-Page advisory lock keeps two syncs of one
 * Page apart, and if its owner stops the server, our work in flight is rolled back, never half written.
 */
final class RunningServer {
    private static final Logger LOG = LoggerFactory.getLogger(RunningServer.class);
    private RunningServer() {
    }

    /** The port of a live server on {@code dataDir} that takes our password, if there is one. */
    static OptionalInt find(Path dataDir, Secret password) {
        Optional<PostmasterPid> postmaster = PostmasterPid.read(dataDir)
                .filter(p -> p.liveProcess().isPresent() && p.port().isPresent());
        if (postmaster.isEmpty()) {
            LOG.debug("No live embedded server with a port on {}", dataDir);
            return OptionalInt.empty();
        }
        OptionalInt port = postmaster.get().port();
        Properties login = new Properties();
        login.setProperty("user", EmbeddedDatabase.SUPERUSER);
        login.setProperty("password", password.reveal());
        login.setProperty("connectTimeout", "3");
        String url = "jdbc:postgresql://localhost:" + port.getAsInt() + "/" + EmbeddedDatabase.DATABASE;
        try (Connection c = DriverManager.getConnection(url, login)) {
            return c.isValid(3) ? port : OptionalInt.empty();
        } catch (SQLException e) {
            LOG.debug("The embedded server on port {} did not take us as a client: {}", port.getAsInt(), e.getMessage());
            return OptionalInt.empty(); // starting, stopping, or not ours: the caller says "in use"
        }
    }
}
