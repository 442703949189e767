package app.inboxsync.store.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.config.DatabaseSettings;
import app.inboxsync.domain.Secret;
import app.inboxsync.store.StoreException;
import app.inboxsync.store.TestDatabase;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class DatabaseConnectTest {

    @Test
    void unreachableServerFailsFastWithWhatToFix() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        long start = System.nanoTime();
        StoreException e = assertThrows(StoreException.class, () -> Database.connect(new DatabaseSettings(
                "jdbc:postgresql://localhost:" + closedPort + "/inboxsync", "me", Secret.of("hunter2"))));
        assertEquals("Cannot reach the database at localhost:" + closedPort + " (connection refused). Check --db-url / "
                + "INBOXSYNC_DB_URL, or leave it unset to use the embedded database.", e.getMessage());
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "fails within seconds");
    }

    @Test
    void wrongPasswordNamesTheUserNotThePassword() {
        DatabaseSettings good = TestDatabase.server().settings("postgres");
        StoreException e = assertThrows(StoreException.class, () -> Database.connect(
                new DatabaseSettings(good.jdbcUrl(), "postgres", Secret.of("not-the-password"))));
        assertEquals("The database refused the login for user postgres. Check --db-user/--db-password.", e.getMessage());
        assertFalse(e.getMessage().contains("not-the-password"));
    }

    @Test
    void missingDatabaseSaysSo() {
        DatabaseSettings good = TestDatabase.server().settings("no_such_db");
        StoreException e = assertThrows(StoreException.class, () -> Database.connect(good));
        assertTrue(e.getMessage().contains("has no such database"), e.getMessage());
    }

    @Test
    void serverAddressNeverShowsTheQueryString() {
        DatabaseSettings s = new DatabaseSettings("jdbc:postgresql://db.example.com/x?password=secret", null, null);
        assertEquals("db.example.com:5432", s.serverAddress());
        assertFalse(s.toString().contains("secret"));
    }
}
