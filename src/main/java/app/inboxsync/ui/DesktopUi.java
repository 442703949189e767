package app.inboxsync.ui;

import app.inboxsync.app.SyncCoordinator;
import app.inboxsync.ui.common.Fxml;
import app.inboxsync.ui.common.ToastPane;
import app.inboxsync.ui.common.FxBackground;
import app.inboxsync.ui.conversations.ConversationsTab;
import app.inboxsync.ui.history.HistoryTab;
import app.inboxsync.ui.main.MainController;
import app.inboxsync.ui.media.MediaOverview;
import app.inboxsync.ui.settings.DesktopSettings;
import app.inboxsync.ui.sync.SyncBoard;
import java.time.Clock;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.StackPane;

/**
 * Everything one window shows for one session, wired by hand: background tasks, the sync coordinator and its
 * board, toasts, the main view and its tabs. Closing it cancels running syncs and stops its threads.
 */
public final class DesktopUi implements AutoCloseable {
    private final FxBackground tasks = new FxBackground();
    private final SyncBoard board = new SyncBoard();
    private final SyncCoordinator coordinator;
    private final ToastPane toasts = new ToastPane();
    private final MainController main;
    private final StackPane root;

    public DesktopUi(DesktopSession session, DesktopSettings settings, MainController.MainActions actions, Clock clock) {
        this.coordinator = new SyncCoordinator(session.app(), board, settings.parallelism());
        coordinator.useFolders(settings.syncFolders());
        this.main = new MainController(session, tasks, coordinator, board, toasts, clock, settings, actions);
        this.root = (StackPane) Fxml.MAIN.load(main);
        StackPane.setAlignment(toasts, Pos.TOP_RIGHT);
        StackPane.setMargin(toasts, new Insets(0));
        root.getChildren().add(toasts);
        main.addTab(new ConversationsTab(session.app(), tasks, toasts, main,
                settings.media().folderUnder(session.config().home())).tab());
        main.addTab(HistoryTab.create(session, tasks, main));
        MediaOverview.addTo(main, session.app().database(), tasks);
        root.getStylesheets().add(Fxml.stylesheet());
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                installShortcuts(scene);
            }
        });
    }

    private void installShortcuts(Scene scene) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), main::syncSelected);
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
                main::syncAll);
    }

    public Parent root() {
        return root;
    }

    public MainController main() {
        return main;
    }

    public ToastPane toasts() {
        return toasts;
    }

    public FxBackground tasks() {
        return tasks;
    }

    /** Settings saved in the Settings dialog: what can change while the window is open changes now. */
    public void applySettings(DesktopSettings settings) {
        coordinator.setParallelism(settings.parallelism());
        coordinator.useFolders(settings.syncFolders());
        main.applySettings(settings);
    }

    /** Starts the clocks and loads the Pages; call after the root is in a showing window. */
    public void start() {
        main.start();
    }

    @Override
    public void close() {
        main.stop();
        coordinator.close();
        tasks.close();
    }
}
