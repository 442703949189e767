package app.inboxsync.config;

import app.inboxsync.domain.Secret;
import app.inboxsync.store.StoreException;
import java.util.Objects;

/**
 * Where the database is and how to log in.
 *
 * @param jdbcUrl  a {@code jdbc:postgresql://host:port/db} URL
 * @param user     may be null when the URL names the user
 * @param password null when the server needs none (or the URL carries it)
 */
public record DatabaseSettings(String jdbcUrl, String user, Secret password) {
    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new StoreException("The database URL must start with jdbc:postgresql:// (for example "
                    + "jdbc:postgresql://localhost:5432/inboxsync). Check --db-url / INBOXSYNC_DB_URL.");
        }
    }

    /** {@code host:port} for messages; never the query string, which may hold a password. */
    public String serverAddress() {
        String rest = jdbcUrl.substring("jdbc:postgresql:".length());
        if (!rest.startsWith("//")) {
            return "localhost:5432";
        }
        rest = rest.substring(2);
        int end = rest.length();
        for (char stop : new char[] {'/', '?'}) {
            int i = rest.indexOf(stop);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        String hostPort = rest.substring(0, end);
        int at = hostPort.lastIndexOf('@');
        hostPort = at >= 0 ? hostPort.substring(at + 1) : hostPort;
        if (hostPort.isEmpty()) {
            return "localhost:5432";
        }
        return hostPort.contains(":") && !hostPort.endsWith("]") ? hostPort : hostPort + ":5432";
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + serverAddress() + ", user=" + user + "]";
    }
}
