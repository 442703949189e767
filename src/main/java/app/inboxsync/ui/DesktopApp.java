package app.inboxsync.ui;

import app.inboxsync.app.AppConfig;
import app.inboxsync.app.AppContext;
import app.inboxsync.app.DemoWorld;
import app.inboxsync.ui.common.EmojiRuns;
import app.inboxsync.ui.common.Fxml;
import app.inboxsync.ui.common.Toast;
import app.inboxsync.ui.common.FxBackground;
import app.inboxsync.ui.main.MainActions;
import app.inboxsync.ui.session.DesktopSession;
import app.inboxsync.ui.settings.DesktopSettings;
import app.inboxsync.ui.settings.DesktopSettingsFile;
import app.inboxsync.ui.settings.SettingsEditor;
import app.inboxsync.ui.settings.SettingsSecrets;
import app.inboxsync.ui.settings.StartupConfig;
import app.inboxsync.secrets.TokenVaults;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.time.Clock;
import java.util.concurrent.Callable;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The desktop app's window. Opening the database (starting the embedded PostgreSQL) takes a few seconds, so the
 * window shows at once with a spinner and the work happens in the background; a failure is shown as a sentence
 * with what to do, never as a stack trace.
 */
public final class DesktopApp extends Application implements MainActions {
    private final FxBackground startup = new FxBackground();
    private AppConfig config;
    private DesktopSettingsFile settingsFile;
    private DesktopSettings settings;
    private StartupConfig.Given given;
    private SettingsSecrets secrets;
    private SettingsEditor settingsEditor;
    private Stage stage;
    private DesktopSession session;
    private DesktopUi ui;

    @Override
    public void start(Stage primaryStage) {
        StartTimes.mark("JavaFX started");
        this.stage = primaryStage;
        this.config = DesktopLauncher.config();
        this.settingsFile = new DesktopSettingsFile(config.home());
        this.settings = settingsFile.load();
        this.given = StartupConfig.Given.from(config, DesktopLauncher.graphVersionGiven());
        this.secrets = secretsOf(config);
        this.settingsEditor = new SettingsEditor(settingsFile, secrets, startup, this::notifyUser, given);
        applyTheme(settings.theme());
        StartTimes.mark("theme applied");
        stage.setTitle("Inbox Sync");
        var icon = DesktopApp.class.getResourceAsStream("/app/inboxsync/ui/icon.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon));
        }
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setScene(new Scene(new VBox(), 1240, 800));
        StartTimes.atNextFrame(stage.getScene(), "first frame");
        StartSplash.closeAtNextFrame(stage.getScene());
        stage.show();
        DesktopLauncher.windowShown(stage);
        startup.run("read the emoji data", EmojiRuns::prepare, read -> { }, failed -> { }); // else the first thread waits
        openRealPages();
    }

    /** The saved settings fill in what the command line and environment leave unset (read off the FX thread). */
    private void openRealPages() {
        DesktopSettings saved = settings;
        Callable<DesktopSession> opening = DesktopLauncher.earlyOpening().flatMap(early -> early.take(saved))
                .orElse(() -> openRealPages(config, given, saved, secrets));
        open("Opening the database…", "open the database", opening);
    }

    /** The real Pages' session (blocks: the database starts and its schema is checked). */
    static DesktopSession openRealPages(AppConfig config, StartupConfig.Given given, DesktopSettings saved,
                                        SettingsSecrets secrets) {
        AppConfig effective = StartupConfig.effective(config, given, saved, secrets);
        return DesktopSession.real(effective, AppContext.open(effective));
    }

    static SettingsSecrets secretsOf(AppConfig config) {
        return new SettingsSecrets(() -> TokenVaults.open(config.home(), System.getenv()));
    }

    /** Swaps the window over to a new session, built in the background; the old one is closed first. */
    private void open(String what, String task, Callable<DesktopSession> opening) {
        closeSession();
        showMessage(what, null, true);
        startup.run(task, opening, this::show,
                message -> showMessage(message, "Check the database in Settings (or INBOXSYNC_DB_URL) and try again.", false));
    }

    private void show(DesktopSession opened) {
        StartTimes.mark("database open");
        this.session = opened;
        this.ui = new DesktopUi(opened, settings, this, Clock.systemDefaultZone());
        StartTimes.mark("main window built");
        stage.setTitle(opened.isDemo() ? "Inbox Sync — demo data" : "Inbox Sync");
        stage.getScene().setRoot(ui.root());
        ui.start();
        StartTimes.atNextFrame(stage.getScene(), "window usable");
    }

    private void showMessage(String message, String next, boolean busy) {
        VBox box = new VBox(14);
        box.setAlignment(Pos.CENTER);
        if (busy) {
            box.getChildren().add(new ProgressIndicator());
        }
        Label words = new Label(message);
        words.setWrapText(true);
        words.setMaxWidth(560);
        words.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        words.setAlignment(Pos.CENTER);
        box.getChildren().add(words);
        if (next != null) {
            Label hint = new Label(next);
            hint.setWrapText(true);
            hint.setMaxWidth(560);
            Button quit = new Button("Quit");
            quit.setOnAction(e -> Platform.exit());
            // a database chosen in Settings that no longer answers is fixed here, then opened again at once
            Button change = new Button("Settings…");
            change.setOnAction(e -> settingsEditor.open(stage, settings, changed -> {
                use(changed);
                openRealPages();
            }));
            HBox buttons = new HBox(10, change, quit);
            buttons.setAlignment(Pos.CENTER);
            box.getChildren().addAll(hint, buttons);
        }
        box.getStylesheets().add(Fxml.stylesheet());
        stage.getScene().setRoot(box);
    }

    @Override
    public void tryDemo() {
        AppConfig demoConfig = DemoWorld.configFor(config);
        open("Starting the demo: a pretend Facebook with three Pages…", "start the demo",
                () -> DesktopSession.demo(config, DemoWorld.start(demoConfig, DemoWorld.DEFAULT)));
    }

    @Override
    public void leaveDemo() {
        if (session != null && session.isDemo()) {
            openRealPages();
        }
    }

    @Override
    public void openSettings() {
        settingsEditor.open(stage, settings, changed -> {
            use(changed);
            if (ui != null) {
                ui.applySettings(changed);
            }
        });
    }

    private void notifyUser(Toast toast) {
        if (ui != null) {
            ui.toasts().notify(toast);
        }
    }

    private void use(DesktopSettings changed) {
        if (changed.theme() != settings.theme()) {
            applyTheme(changed.theme());
        }
        this.settings = changed;
    }

    @Override
    public void settingsChanged(DesktopSettings changed) {
        use(changed);
        try {
            settingsFile.save(changed);
        } catch (RuntimeException e) {
            ui.toasts().notify(new Toast(Toast.Kind.ERROR, "Settings not saved", e.getMessage()));
        }
    }

    static void applyTheme(DesktopSettings.Theme theme) {
        Application.setUserAgentStylesheet(theme == DesktopSettings.Theme.DARK
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
    }

    private void closeSession() {
        if (ui != null) {
            ui.close();
            ui = null;
        }
        if (session != null) {
            session.close();
            session = null;
        }
    }

    @Override
    public void stop() {
        closeSession();
        startup.close();
    }
}
