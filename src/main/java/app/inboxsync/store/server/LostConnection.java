package app.inboxsync.store.server;

import app.inboxsync.store.StoreException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/**
 * Recognises "the server went away" (it was stopped, restarted, or the process that runs the embedded one
 * ended), which deserves a plain sentence rather than the driver's text.
 */
public final class LostConnection {
    private LostConnection() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return true; // the pool found no working connection in time: the server is gone or refuses us
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                String text = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
                if (state.startsWith("57P") || state.startsWith("08") || text.contains("connection is closed")
                        || text.contains("connection has been closed")) {
                    return true;
                }
            }
        }
        return false;
    }

    public static StoreException explain(String what, Throwable failure) {
        return new StoreException("Lost the connection to the database while trying to " + what
                + " (the server stopped or restarted, or the Inbox Sync process running the embedded database"
                + " ended). Nothing half-written was kept; run it again.", failure);
    }
}
