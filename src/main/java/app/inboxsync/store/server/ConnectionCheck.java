package app.inboxsync.store.server;

import app.inboxsync.config.DatabaseSettings;
import app.inboxsync.store.StoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;

/**
 * "Test connection" for the Settings dialog: logs in once, asks the server's version, and says in one sentence
 * what happened. Changes nothing (no pool, no migration); gives up after a few seconds. Blocks: call it off the
 * FX thread.
 */
public final class ConnectionCheck {
    private static final int TIMEOUT_SECONDS = 5;

    private ConnectionCheck() {
    }

    /**
     * @return e.g. "Connected to PostgreSQL 16.4 at db.example.com:5432 as inboxsync."
     * @throws StoreException with the sentence that says what went wrong and what to fix
     */
    public static String check(DatabaseSettings settings) {
        Properties login = new Properties();
        if (settings.user() != null) {
            login.setProperty("user", settings.user());
        }
        if (settings.password() != null) {
            login.setProperty("password", settings.password().reveal());
        }
        login.setProperty("connectTimeout", String.valueOf(TIMEOUT_SECONDS));
        login.setProperty("loginTimeout", String.valueOf(TIMEOUT_SECONDS));
        login.setProperty("socketTimeout", String.valueOf(2 * TIMEOUT_SECONDS));
        login.setProperty("ApplicationName", "Inbox Sync (connection test)");
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), login);
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('server_version'), current_user")) {
            rs.next();
            String version = rs.getString(1).split(" ")[0];
            return "Connected to PostgreSQL " + version + " at " + settings.serverAddress() + " as " + rs.getString(2) + ".";
        } catch (SQLException | RuntimeException e) {
            throw ConnectionFailure.explain(e, settings, ConnectionFailure.FixHints.SETTINGS);
        }
    }
}
