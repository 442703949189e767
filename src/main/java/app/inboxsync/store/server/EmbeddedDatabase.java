package app.inboxsync.store.server;

import app.inboxsync.config.DatabaseSettings;
import app.inboxsync.domain.Secret;
import app.inboxsync.store.StoreException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server the app runs for itself when no {@code --db-url} is given. Its data lives in
 * {@code <home>/db} across runs; it listens on loopback only and wants the password kept in
 * {@code <home>/db-password} (owner-only). One process at a time may run it.
 */
public final class EmbeddedDatabase implements AutoCloseable {
    static final String DATABASE = "inboxsync";
    static final String SUPERUSER = "postgres";
    /** Longest wait, when this process stops, for other processes that use our server. */
    static final Duration OTHER_PROCESSES_MAX_WAIT = Duration.ofMinutes(30);
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** How long a second process waits for the first one's server to accept connections. */
    private static final Duration WAIT_FOR_A_STARTING_SERVER = Duration.ofSeconds(30);

    private final Path home;
    /** Null (with {@code postgres}) when we are a client of the server another process runs on this home. */
    private final HomeLock lock;
    private final EmbeddedPostgres postgres;
    private final int port;
    private final Secret password;

    private EmbeddedDatabase(Path home, HomeLock lock, EmbeddedPostgres postgres, int port, Secret password) {
        this.home = home;
        this.lock = lock;
        this.postgres = postgres;
        this.port = port;
        this.password = password;
    }

    public static EmbeddedDatabase start(Path home) {
        Path absoluteHome = home.toAbsolutePath();
        try {
            Files.createDirectories(absoluteHome);
        } catch (IOException e) {
            throw new StoreException("Cannot create the folder " + absoluteHome + " for the embedded database: "
                    + e.getMessage(), e);
        }
        HomeLock lock;
        try {
            lock = HomeLock.take(absoluteHome);
        } catch (StoreException inUse) {
            return attachToRunningServer(absoluteHome, inUse);
        }
        try {
            Path dataDir = absoluteHome.resolve("db");
            Path passwordFile = absoluteHome.resolve("db-password");
            if (ClusterSecurity.isSecured(dataDir) && !Files.exists(passwordFile)) {
                throw new StoreException("The embedded database in " + absoluteHome + " is password protected, but "
                        + passwordFile + " is missing. Restore that file, or move " + dataDir
                        + " away to start over with an empty database.");
            }
            Secret password = PasswordFile.loadOrCreate(passwordFile);
            OrphanPostmaster.stopIfRunning(dataDir);
            EmbeddedPostgres postgres = startServer(dataDir, password);
            try {
                ClusterSecurity.secure(postgres, dataDir, password);
                createDatabaseIfMissing(postgres, password);
                return new EmbeddedDatabase(absoluteHome, lock, postgres, postgres.getPort(), password);
            } catch (RuntimeException e) {
                stopQuietly(postgres);
                throw e;
            }
        } catch (RuntimeException e) {
            lock.release();
            throw e;
        }
    }

    /**
     * Another process runs the server on this home: use it as a client, or say plainly that we cannot. A server
     * that is still starting (the desktop app opening while cron starts a sync) gets a little time to come up.
     */
    private static EmbeddedDatabase attachToRunningServer(Path home, StoreException inUse) {
        Path passwordFile = home.resolve("db-password");
        if (!Files.exists(passwordFile)) {
            throw inUse; // the owner writes it before it starts the server: without it there is nothing to join
        }
        Secret password = PasswordFile.loadOrCreate(passwordFile);
        long deadline = System.nanoTime() + WAIT_FOR_A_STARTING_SERVER.toNanos();
        while (true) {
            OptionalInt port = RunningServer.find(home.resolve("db"), password);
            if (port.isPresent()) {
                return new EmbeddedDatabase(home, null, null, port.getAsInt(), password);
            }
            if (System.nanoTime() > deadline) {
                throw inUse;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw inUse;
            }
        }
    }

    /** Whether this process runs the server (false: another Inbox Sync process does, and we are its client). */
    public boolean ownsServer() {
        return postgres != null;
    }

    /** How to connect to the app's database on this server. */
    public DatabaseSettings settings() {
        return settings(DATABASE);
    }

    /** How to connect to another database on this server (tests make throwaway ones). */
    public DatabaseSettings settings(String databaseName) {
        return new DatabaseSettings(
                "jdbc:postgresql://localhost:" + port + "/" + databaseName, SUPERUSER, password);
    }

    public Path home() {
        return home;
    }

    @Override
    public void close() {
        if (postgres == null) {
            return; // the server is its owner's to stop
        }
        try {
            awaitOtherProcesses(OTHER_PROCESSES_MAX_WAIT);
            stopQuietly(postgres);
        } finally {
            lock.release();
        }
    }

    /**
     * Another Inbox Sync process may use this server as a client (cron's "sync all" while a person syncs one
     * Page): stopping the server now would fail its work halfway. Wait while any session of another Inbox Sync
     * process is connected, up to {@code max}; then stop anyway, as before.
     */
    void awaitOtherProcesses(Duration max) {
        String sql = "SELECT count(*) FROM pg_stat_activity "
                + "WHERE application_name LIKE 'Inbox Sync pid %' AND application_name <> ?";
        long deadline = System.nanoTime() + max.toNanos();
        DatabaseSettings s = settings();
        boolean said = false;
        try (Connection c = DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password().reveal());
             PreparedStatement others = c.prepareStatement(sql)) {
            others.setString(1, Database.APPLICATION_NAME);
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = others.executeQuery()) {
                    if (!rs.next() || rs.getLong(1) == 0) {
                        return;
                    }
                }
                if (!said) {
                    LOG.warn("Another Inbox Sync process is using the embedded database this process runs; "
                            + "waiting for it to finish before stopping the database.");
                    said = true;
                }
                Thread.sleep(200);
            }
        } catch (SQLException e) {
            // cannot ask: stop as before
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static EmbeddedPostgres startServer(Path dataDir, Secret password) {
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setServerConfig("listen_addresses", "localhost")
                    // zonky turns this off for tests; a user's copy should survive a power cut.
                    .setServerConfig("synchronous_commit", "on")
                    // zonky's startup check and getDatabase() log in with this once pg_hba wants passwords.
                    .setConnectConfig("password", password.reveal())
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new StoreException("Could not start the embedded database in " + dataDir + ": " + e.getMessage()
                    + ". Point --db-url at a PostgreSQL server if this keeps happening.", e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres, Secret password) {
        String url = "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
        try (Connection c = DriverManager.getConnection(url, SUPERUSER, password.reveal());
             PreparedStatement exists = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet rs = exists.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
            try (Statement create = c.createStatement()) {
                create.execute("CREATE DATABASE " + DATABASE);
            }
        } catch (SQLException e) {
            throw new StoreException("The embedded database started but could not be prepared: " + e.getMessage(), e);
        }
    }

    private static void stopQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop the embedded database", e);
        }
    }
}
