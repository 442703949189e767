package app.inboxsync.ui;

import app.inboxsync.app.AppConfig;
import javafx.application.Application;

/** Opens the desktop app on a configuration (from the CLI's options and environment). Blocks until it closes. */
public final class DesktopLauncher {
    private static volatile AppConfig config;
    private static volatile boolean graphVersionGiven;

    private DesktopLauncher() {
    }

    public static void launch(AppConfig appConfig) {
        launch(appConfig, false);
    }

    /**
     * @param versionGiven whether --graph-version or INBOXSYNC_GRAPH_VERSION chose the Graph version (then it wins
     *                     over the one saved in Settings; the CLI's default does not)
     */
    public static void launch(AppConfig appConfig, boolean versionGiven) {
        // JavaFX builds the Application itself, with no arguments: this is the one hand-over point.
        config = appConfig;
        graphVersionGiven = versionGiven;
        Application.launch(DesktopApp.class);
    }

    /** For tests that start {@link DesktopApp} themselves. */
    static void configure(AppConfig appConfig) {
        config = appConfig;
    }

    static AppConfig config() {
        return config;
    }

    static boolean graphVersionGiven() {
        return graphVersionGiven;
    }
}
