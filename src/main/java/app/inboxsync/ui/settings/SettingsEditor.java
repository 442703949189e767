package app.inboxsync.ui.settings;

import app.inboxsync.app.DatabaseCheck;
import app.inboxsync.app.background.Background;
import app.inboxsync.ui.common.Fxml;
import app.inboxsync.ui.common.Notifier;
import app.inboxsync.ui.common.Toast;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.ScrollPane;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Window;

/**
 * The Settings dialog from opening to saving: which secrets are saved is read first (off the FX thread), "Test
 * connection" and saving run off it too. Saving writes {@code desktop.properties} and the vault, then hands the
 * new settings to {@code apply} (theme, auto-sync, parallelism and folders take effect at once) and says what
 * needs a restart.
 */
public final class SettingsEditor {
    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);
    private final DesktopSettingsFile file;
    private final SettingsSecrets secrets;
    private final Background tasks;
    private final Notifier notifier;
    private final StartupConfig.Given given;

    public SettingsEditor(DesktopSettingsFile file, SettingsSecrets secrets, Background tasks, Notifier notifier,
                          StartupConfig.Given given) {
        this.file = file;
        this.secrets = secrets;
        this.tasks = tasks;
        this.notifier = notifier;
        this.given = given;
    }

    public void open(Window owner, DesktopSettings current, Consumer<DesktopSettings> apply) {
        tasks.run("read the saved settings", secrets::saved, saved -> show(owner, current, saved, apply),
                message -> notifier.notify(new Toast(Toast.Kind.ERROR, "Settings", message)));
    }

    private void show(Window owner, DesktopSettings current, SettingsSecrets.Saved saved, Consumer<DesktopSettings> apply) {
        SettingsViewModel model = new SettingsViewModel(current, saved);
        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Settings");
        dialog.setHeaderText(null);
        dialog.getDialogPane().setId("settings-dialog");
        // in a scroll pane: with every section, the dialog is taller than a 1280×800 screen
        ScrollPane content = new ScrollPane(Fxml.SETTINGS.load(new SettingsController(model, () -> test(model), given.describe())));
        content.setFitToWidth(true);
        content.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        content.getStyleClass().add("settings-scroll");
        dialog.getDialogPane().setContent(content);
        dialog.getDialogPane().sceneProperty().subscribe(scene -> {
            if (scene != null) { // the dialog's own window sizes and centres itself after it shows: follow it
                scene.windowProperty().subscribe(window -> {
                    if (window != null) {
                        window.heightProperty().subscribe(h -> keepOnScreen(window));
                        window.yProperty().subscribe(y -> keepOnScreen(window));
                    }
                });
            }
        });
        dialog.getDialogPane().getStylesheets().add(Fxml.stylesheet());
        dialog.getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CANCEL); // Cancel: Esc too
        dialog.setResizable(true);
        // an inline message takes a line or two: grow the window so the buttons stay in view
        for (javafx.beans.value.ObservableValue<String> text : java.util.List.of(model.databaseMessage(),
                model.graphVersionMessage(), model.parallelismMessage(), model.foldersMessage(), model.mediaFolderMessage(),
                model.maxFileMessage(), model.quotaMessage(), model.connectionTest)) {
            text.addListener((o, was, now) -> javafx.application.Platform.runLater(() -> {
                if (dialog.isShowing()) {
                    dialog.getDialogPane().getScene().getWindow().sizeToScene();
                }
            }));
        }
        Button save = (Button) dialog.getDialogPane().lookupButton(SAVE);
        save.setId("settings-save");
        save.disableProperty().bind(model.validProperty().not());
        dialog.showAndWait().filter(b -> b == SAVE).ifPresent(b -> save(model, apply));
    }

    /** No taller than the screen it is on, and its top in view (the rest scrolls). */
    private static void keepOnScreen(Window window) {
        if (window.getHeight() <= 0 || Double.isNaN(window.getY())) {
            return; // not placed yet
        }
        Rectangle2D screen = Screen.getScreensForRectangle(window.getX(), window.getY(), window.getWidth(),
                window.getHeight()).stream().findFirst().orElse(Screen.getPrimary()).getVisualBounds();
        if (window.getHeight() > screen.getHeight()) {
            window.setHeight(screen.getHeight());
        }
        if (window.getY() < screen.getMinY() || window.getY() + window.getHeight() > screen.getMaxY()) {
            window.setY(Math.max(screen.getMinY(), screen.getMaxY() - window.getHeight()));
        }
    }

    private void test(SettingsViewModel model) {
        SettingsViewModel.ConnectionAttempt attempt = model.connectionAttempt();
        if (attempt == null) {
            model.connectionTest.set(model.embedded.get() ? "The embedded database needs no test."
                    : "Fix the URL first.");
            return;
        }
        model.connectionTest.set("Connecting…");
        tasks.run("connect", () -> DatabaseCheck.check(attempt.settings(secrets.databasePassword())),
                ok -> showResult(model, attempt, ok), failed -> showResult(model, attempt, failed));
    }

    private static void showResult(SettingsViewModel model, SettingsViewModel.ConnectionAttempt attempt, String sentence) {
        if (attempt.equals(model.connectionAttempt())) { // not about fields changed since
            model.connectionTest.set(sentence.startsWith("Could not connect: ") ? sentence.substring(19) : sentence);
        }
    }

    private void save(SettingsViewModel model, Consumer<DesktopSettings> apply) {
        DesktopSettings chosen = model.settings();
        SecretEdit password = model.databasePasswordEdit();
        SecretEdit appSecret = model.appSecretEdit();
        String restart = model.restartNote();
        tasks.run("save the settings", () -> {
            secrets.apply(password, appSecret);
            file.save(chosen);
            return chosen;
        }, saved -> {
            apply.accept(saved);
            notifier.notify(new Toast(Toast.Kind.SUCCESS, "Settings saved", restart.isEmpty() ? "In use now." : restart));
        }, message -> notifier.notify(new Toast(Toast.Kind.ERROR, "Settings not saved", message)));
    }
}
