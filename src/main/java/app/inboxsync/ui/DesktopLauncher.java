package app.inboxsync.ui;

import app.inboxsync.app.AppConfig;
import javafx.application.Application;

/** Opens the desktop app on a configuration (from the CLI's options and environment). Blocks until it closes. */
public final class DesktopLauncher {
    private static volatile AppConfig config;

    private DesktopLauncher() {
    }

    public static void launch(AppConfig appConfig) {
        // JavaFX builds the Application itself, with no arguments: this is the one hand-over point.
        config = appConfig;
        Application.launch(DesktopApp.class);
    }

    /** For tests that start {@link DesktopApp} themselves. */
    static void configure(AppConfig appConfig) {
        config = appConfig;
    }

    static AppConfig config() {
        return config;
    }
}
