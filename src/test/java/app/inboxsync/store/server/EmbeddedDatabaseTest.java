package app.inboxsync.store.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.config.DatabaseSettings;
import app.inboxsync.store.Fixtures;
import app.inboxsync.store.StoreException;
import app.inboxsync.store.TestDatabase;
import app.inboxsync.store.read.PageRepository;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The app's own server, with its own home, separate from the shared test server. */
class EmbeddedDatabaseTest {
    private Path home;

    @BeforeEach
    void newHome() {
        home = Paths.get("target", "embedded-home-" + UUID.randomUUID());
    }

    @AfterEach
    void removeHome() {
        TestDatabase.deleteTree(home);
    }

    @Test
    void restartKeepsDataAndRequiresThePassword() throws Exception {
        try (EmbeddedDatabase server = EmbeddedDatabase.start(home); Database db = Database.connect(server.settings())) {
            Fixtures.addPage(db, "kept");
            assertEquals("rw-------", PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(home.resolve("db-password"))));
            DatabaseSettings s = server.settings();
            SQLException refused = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(s.jdbcUrl(), "postgres", "wrong").close());
            assertEquals("28P01", refused.getSQLState());
            assertThrows(SQLException.class, () -> DriverManager.getConnection(s.jdbcUrl() + "?user=postgres").close());

        }
        Path versionFile = home.resolve("db").resolve("PG_VERSION");
        long initialisedAt = Files.getLastModifiedTime(versionFile).toMillis();
        try (EmbeddedDatabase again = EmbeddedDatabase.start(home); Database db = Database.connect(again.settings())) {
            assertEquals(initialisedAt, Files.getLastModifiedTime(versionFile).toMillis(), "cluster reused");
            assertTrue(new PageRepository(db).findPage("kept").isPresent(), "data survives a restart");
            DatabaseSettings s = again.settings();
            try (Connection c = DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password().reveal());
                 Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT setting FROM pg_settings WHERE name = 'listen_addresses'")) {
                rs.next();
                assertEquals("localhost", rs.getString(1));
            }
        }
    }

    @Test
    void aSecondStartWhileTheServerRunsBecomesItsClient() throws Exception {
        try (EmbeddedDatabase owner = EmbeddedDatabase.start(home); Database ownerDb = Database.connect(owner.settings())) {
            Fixtures.addPage(ownerDb, "shared");
            try (EmbeddedDatabase client = EmbeddedDatabase.start(home); Database clientDb = Database.connect(client.settings())) {
                assertTrue(owner.ownsServer());
                assertFalse(client.ownsServer(), "the second start uses the running server");
                assertEquals(owner.settings().jdbcUrl(), client.settings().jdbcUrl());
                assertTrue(new PageRepository(clientDb).findPage("shared").isPresent());
            }
            assertTrue(new PageRepository(ownerDb).findPage("shared").isPresent(), "the client's close left the server running");
        }
    }

    @Test
    void theOwnerStopsItsServerOnlyOnceAnotherProcessHasLetGo() throws Exception {
        EmbeddedDatabase owner = EmbeddedDatabase.start(home);
        DatabaseSettings s = owner.settings();
        Properties asAnotherProcess = anotherInboxSyncProcess(s);
        Connection cronsSession = DriverManager.getConnection(s.jdbcUrl(), asAnotherProcess);
        CompletableFuture<Void> closing =
                CompletableFuture.runAsync(owner::close);

        Thread.sleep(1_500);
        assertFalse(closing.isDone(), "the owner stopped the server under another process's session");
        try (Statement st = cronsSession.createStatement(); ResultSet rs = st.executeQuery("SELECT 1")) {
            assertTrue(rs.next(), "the other process can still work");
        }
        cronsSession.close();
        closing.get(60, TimeUnit.SECONDS);
        assertThrows(SQLException.class, () -> DriverManager.getConnection(s.jdbcUrl(), asAnotherProcess).close(),
                "once the other process let go, the server stopped");
    }

    @Test
    void theOwnersWaitForOtherProcessesHasALimit() throws Exception {
        try (EmbeddedDatabase owner = EmbeddedDatabase.start(home)) {
            DatabaseSettings s = owner.settings();
            Properties asAnotherProcess = anotherInboxSyncProcess(s);
            try (Connection stuck = DriverManager.getConnection(s.jdbcUrl(), asAnotherProcess)) {
                long started = System.nanoTime();
                owner.awaitOtherProcesses(Duration.ofMillis(300));
                assertTrue(System.nanoTime() - started >= 300_000_000L, "it waited for the session");
                assertFalse(stuck.isClosed());
            }
        }
    }

    /** How a second Inbox Sync process (cron's CLI beside the desktop app) logs in: its own pid in the name. */
    private static Properties anotherInboxSyncProcess(DatabaseSettings s) {
        Properties p = new Properties();
        p.setProperty("user", s.user());
        p.setProperty("password", s.password().reveal());
        p.setProperty("ApplicationName", "Inbox Sync pid " + (ProcessHandle.current().pid() + 1));
        return p;
    }

    @Test
    void aHomeLockedWithoutARunningServerIsReportedAsInUse() throws Exception {
        Files.createDirectories(home);
        HomeLock held = HomeLock.take(home.toAbsolutePath());
        try {
            StoreException busy = assertThrows(StoreException.class, () -> EmbeddedDatabase.start(home));
            assertTrue(busy.getMessage().contains("in use by another Inbox Sync process"), busy.getMessage());
        } finally {
            held.release();
        }
    }

    @Test
    void aSecuredClusterWithoutItsPasswordFileFailsClearly() throws Exception {
        EmbeddedDatabase.start(home).close();
        Files.delete(home.resolve("db-password"));
        StoreException e = assertThrows(StoreException.class, () -> EmbeddedDatabase.start(home));
        assertTrue(e.getMessage().contains("db-password is missing"), e.getMessage());
    }
}
