package app.inboxsync.ui.settings;

import app.inboxsync.app.AppConfig;
import app.inboxsync.config.DatabaseSettings;
import app.inboxsync.graph.GraphSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The configuration the desktop starts with: the command line and environment (INBOXSYNC_DB_URL, --graph-version…)
 * as the CLI reads them, with the saved settings filling in what those leave unset. So a script or a server that
 * sets the environment keeps full control, and the CLI never reads the desktop's settings.
 */
public final class StartupConfig {
    private StartupConfig() {
    }

    /**
     * @param database     --db-url / INBOXSYNC_DB_URL was set
     * @param graphVersion --graph-version / INBOXSYNC_GRAPH_VERSION was set (the CLI's default does not count)
     * @param appSecret    --app-secret / INBOXSYNC_APP_SECRET was set
     */
    public record Given(boolean database, boolean graphVersion, boolean appSecret) {
        public static Given from(AppConfig fromCli, boolean graphVersionGiven) {
            return new Given(fromCli.database() != null, graphVersionGiven, fromCli.graph().appSecret() != null);
        }

        /** For the Settings dialog: which of its choices the environment overrides, in one sentence ("" for none). */
        public String describe() {
            List<String> set = new ArrayList<>();
            if (database) {
                set.add("INBOXSYNC_DB_URL");
            }
            if (graphVersion) {
                set.add("INBOXSYNC_GRAPH_VERSION");
            }
            if (appSecret) {
                set.add("INBOXSYNC_APP_SECRET");
            }
            return set.isEmpty() ? "" : "Set when Inbox Sync started (environment or command line), so used instead of "
                    + "the setting here: " + String.join(", ", set) + ".";
        }
    }

    /** Reads the saved secrets, so it may start {@code secret-tool}: call it off the FX thread. */
    public static AppConfig effective(AppConfig fromCli, Given given, DesktopSettings saved, SettingsSecrets secrets) {
        DatabaseSettings database = fromCli.database();
        if (!given.database() && !saved.embeddedDatabase()) {
            database = new DatabaseSettings(saved.databaseUrl(), saved.databaseUser(), secrets.databasePassword().orElse(null));
        }
        GraphSettings graph = fromCli.graph();
        if (!given.graphVersion()) {
            graph = graph.withVersion(saved.graphVersion());
        }
        if (!given.appSecret()) {
            graph = graph.withAppSecret(secrets.appSecret().orElse(null));
        }
        return new AppConfig(fromCli.home(), database, graph);
    }
}
