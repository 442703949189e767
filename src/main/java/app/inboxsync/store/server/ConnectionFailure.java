package app.inboxsync.store.server;

import app.inboxsync.config.DatabaseSettings;
import app.inboxsync.store.StoreException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/** Turns a failed connection attempt into a message that says what to fix. */
final class ConnectionFailure {
    /** Where people fix a setting: the CLI's options, or the desktop's Settings dialog. */
    record FixHints(String url, String login, String password, String databaseName) {
        static final FixHints CLI = new FixHints(
                " Check --db-url / INBOXSYNC_DB_URL, or leave it unset to use the embedded database.",
                "Check --db-user/--db-password", "Check --db-password", "--db-url");
        static final FixHints SETTINGS = new FixHints(" Check the URL, or choose the embedded database.",
                "Check the user and password", "Enter the password", "the URL");
    }

    private ConnectionFailure() {
    }

    static StoreException explain(Throwable failure, DatabaseSettings settings) {
        return explain(failure, settings, FixHints.CLI);
    }

    static StoreException explain(Throwable failure, DatabaseSettings settings, FixHints fix) {
        String where = settings.serverAddress();
        String user = settings.user() == null ? "(from the URL)" : settings.user();
        SQLException sql = find(failure, SQLException.class);
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        String serverSaid = sql == null ? String.valueOf(failure.getMessage()) : sql.getMessage();

        if (state.equals("28P01")) {
            return new StoreException("The database refused the login for user " + user
                    + ". " + fix.login() + ".", failure);
        }
        if (state.equals("28000")) {
            return new StoreException("The database at " + where + " does not let user " + user
                    + " log in (" + serverSaid + "). " + fix.login() + " and the server's pg_hba.conf.",
                    failure);
        }
        if (state.equals("08004") && serverSaid != null && serverSaid.toLowerCase().contains("password")) {
            return new StoreException("The database at " + where + " wants a password for user " + user
                    + ". " + fix.password() + ".", failure);
        }
        if (state.equals("3D000")) {
            return new StoreException("The database server at " + where + " has no such database ("
                    + serverSaid + "). Create it, or fix the database name in " + fix.databaseName() + ".", failure);
        }
        String reason = networkReason(failure);
        if (reason != null || state.startsWith("08")) {
            return new StoreException("Cannot reach the database at " + where + " ("
                    + (reason == null ? serverSaid : reason) + ")." + fix.url(), failure);
        }
        return new StoreException("Could not connect to the database at " + where + ": " + serverSaid + fix.url(),
                failure);
    }

    private static String networkReason(Throwable failure) {
        if (find(failure, ConnectException.class) != null) {
            return "connection refused";
        }
        if (find(failure, UnknownHostException.class) != null) {
            return "unknown host";
        }
        if (find(failure, SocketTimeoutException.class) != null) {
            return "timed out";
        }
        if (find(failure, NoRouteToHostException.class) != null) {
            return "no route to host";
        }
        return null;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
