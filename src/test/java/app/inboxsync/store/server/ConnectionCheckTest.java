package app.inboxsync.store.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.config.DatabaseSettings;
import app.inboxsync.domain.Secret;
import app.inboxsync.store.StoreException;
import app.inboxsync.store.TestDatabase;
import org.junit.jupiter.api.Test;

class ConnectionCheckTest {
    @Test
    void saysWhatHappenedInOneSentence() {
        DatabaseSettings good = TestDatabase.server().settings("postgres");
        String ok = ConnectionCheck.check(good);
        assertTrue(ok.matches("Connected to PostgreSQL \\d+(\\.\\d+)* at " + good.serverAddress() + " as " + good.user() + "\\."), ok);

        StoreException wrongPassword = assertThrows(StoreException.class, () -> ConnectionCheck.check(
                new DatabaseSettings(good.jdbcUrl(), good.user(), Secret.of("wrong-password-123"))));
        assertEquals("The database refused the login for user " + good.user() + ". Check the user and password.",
                wrongPassword.getMessage());
        assertTrue(!wrongPassword.getMessage().contains("wrong-password-123"));

        String noSuchDb = good.jdbcUrl().replace("/postgres", "/no_such_db");
        StoreException missing = assertThrows(StoreException.class,
                () -> ConnectionCheck.check(new DatabaseSettings(noSuchDb, good.user(), good.password())));
        assertTrue(missing.getMessage().endsWith("Create it, or fix the database name in the URL."), missing.getMessage());

        StoreException refused = assertThrows(StoreException.class, () -> ConnectionCheck.check(
                new DatabaseSettings("jdbc:postgresql://127.0.0.1:1/x", "u", null)));
        assertEquals("Cannot reach the database at 127.0.0.1:1 (connection refused). Check the URL, or choose the "
                + "embedded database.", refused.getMessage());
    }
}
