package app.inboxsync.cli;

import app.inboxsync.config.AppHome;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every command takes (after the command name too); each also comes from an environment variable. */
public final class AppOptions {
    @Option(names = "--home", defaultValue = "${env:INBOXSYNC_HOME}", paramLabel = "DIR",
            description = "Where config, tokens and the embedded database live (env INBOXSYNC_HOME).")
    Path home;

    @Option(names = "--db-url", defaultValue = "${env:INBOXSYNC_DB_URL}", paramLabel = "JDBC_URL",
            description = "PostgreSQL JDBC URL; unset = embedded database (env INBOXSYNC_DB_URL).")
    String dbUrl;

    @Option(names = "--db-user", defaultValue = "${env:INBOXSYNC_DB_USER}",
            description = "Database user (env INBOXSYNC_DB_USER).")
    String dbUser;

    @Option(names = "--db-password", defaultValue = "${env:INBOXSYNC_DB_PASSWORD}",
            description = "Database password (env INBOXSYNC_DB_PASSWORD).")
    String dbPassword;

    @Option(names = "--graph-url", defaultValue = "${env:INBOXSYNC_GRAPH_URL:-https://graph.facebook.com}",
            description = "Graph API base URL (env INBOXSYNC_GRAPH_URL; default ${DEFAULT-VALUE}).")
    String graphUrl;

    @Option(names = "--graph-version", defaultValue = "${env:INBOXSYNC_GRAPH_VERSION:-v25.0}",
            description = "Graph API version (env INBOXSYNC_GRAPH_VERSION; default ${DEFAULT-VALUE}).")
    String graphVersion;

    @Option(names = "--app-secret", defaultValue = "${env:INBOXSYNC_APP_SECRET}",
            description = "App secret: sends appsecret_proof with every call (env INBOXSYNC_APP_SECRET).")
    String appSecret;

    @Option(names = "--rate", defaultValue = "${env:INBOXSYNC_RATE:-2}", paramLabel = "CALLS_PER_SECOND",
            description = "Graph calls per second per Page (env INBOXSYNC_RATE; default ${DEFAULT-VALUE}; 0 = no limit).")
    double rate;

    public Path home() {
        return homeGiven() ? home : AppHome.defaultHome();
    }

    /** Whether --home or INBOXSYNC_HOME named a home (an empty variable counts as unset). */
    public boolean homeGiven() {
        return home != null && !home.toString().isBlank();
    }
}
