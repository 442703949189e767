package app.inboxsync.ui;

import app.inboxsync.app.AppConfig;
import app.inboxsync.ui.session.DesktopSession;
import app.inboxsync.ui.settings.DesktopSettings;
import app.inboxsync.ui.settings.DesktopSettingsFile;
import app.inboxsync.ui.settings.SettingsSecrets;
import app.inboxsync.ui.settings.StartupConfig;
import app.inboxsync.ui.tour.ScreenshotTour;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * Opens the desktop app on a configuration (from the CLI's options and environment). Blocks until it closes.
 * Tooling that drives the window (the README's screenshot tour) is started here, once the window shows, so the
 * window's own classes never know about it.
 */
public final class DesktopLauncher {
    private static volatile AppConfig config;
    private static volatile boolean graphVersionGiven;
    /** The first session, opening while JavaFX starts; none for tests that start {@link DesktopApp} themselves. */
    private static volatile EarlyOpening<DesktopSession> earlyOpening;
    /** Told the app's stage once it shows; nothing unless launched through {@link #launch}. */
    private static volatile Consumer<Stage> whenShown = stage -> {
    };

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
        whenShown = stage -> ScreenshotTour.startIfAsked(System.getenv(), stage);
        DesktopSettings saved = new DesktopSettingsFile(appConfig.home()).load();
        StartupConfig.Given given = StartupConfig.Given.from(appConfig, versionGiven);
        SettingsSecrets secrets = DesktopApp.secretsOf(appConfig);
        earlyOpening = EarlyOpening.start(saved, () -> DesktopApp.openRealPages(appConfig, given, saved, secrets));
        StartTimes.mark("launching JavaFX");
        Application.launch(DesktopApp.class);
        earlyOpening.closeIfNotTaken(Duration.ofMinutes(1)); // the window closed before it took the database
    }

    static Optional<EarlyOpening<DesktopSession>> earlyOpening() {
        return Optional.ofNullable(earlyOpening);
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

    /** The app's stage shows (empty, before the database opens). */
    static void windowShown(Stage stage) {
        whenShown.accept(stage);
    }
}
