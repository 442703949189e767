package app.inboxsync.app;

import app.inboxsync.config.DatabaseSettings;
import app.inboxsync.store.server.ConnectionCheck;

/**
 * "Test connection" as the app hands it to the Settings dialog, so the window names no store class: one login,
 * the server's version, one sentence. Blocks: call it off the FX thread.
 */
public final class DatabaseCheck {
    private DatabaseCheck() {
    }

    /**
     * @return e.g. "Connected to PostgreSQL 16.4 at db.example.com:5432 as inboxsync."
     * @throws app.inboxsync.store.StoreException with the sentence that says what went wrong and what to fix
     */
    public static String check(DatabaseSettings settings) {
        return ConnectionCheck.check(settings);
    }
}
