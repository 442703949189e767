package app.inboxsync.ui;

import app.inboxsync.app.DemoWorld;
import app.inboxsync.app.MediaDownloads;
import app.inboxsync.app.SyncCoordinator;
import app.inboxsync.media.MediaSettings;
import app.inboxsync.ui.common.EmojiRuns;
import app.inboxsync.ui.common.Fxml;
import app.inboxsync.ui.common.FxBackground;
import app.inboxsync.ui.common.ToastPane;
import app.inboxsync.ui.conversations.ConversationsTab;
import app.inboxsync.ui.history.HistoryTab;
import app.inboxsync.ui.main.DialogPrompts;
import app.inboxsync.ui.main.MainActions;
import app.inboxsync.ui.main.MainController;
import app.inboxsync.ui.main.MainData;
import app.inboxsync.ui.main.MainKeys;
import app.inboxsync.ui.main.MainViewModel;
import app.inboxsync.ui.main.PageConnector;
import app.inboxsync.ui.main.Prompts;
import app.inboxsync.ui.main.Syncs;
import app.inboxsync.ui.main.Ticker;
import app.inboxsync.ui.pages.PagesViewModel;
import app.inboxsync.ui.session.DesktopSession;
import app.inboxsync.ui.media.MediaOverview;
import app.inboxsync.ui.settings.DesktopSettings;
import app.inboxsync.ui.sync.MediaChanged;
import app.inboxsync.ui.sync.SyncBoard;
import java.nio.file.Path;
import java.time.Clock;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.layout.StackPane;
import javafx.stage.Window;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything one window shows for one session, wired by hand: background tasks, the sync coordinator and its
 * board, the media downloads after its syncs, toasts, the main view model and view, and its tabs, each handed what it needs (the Pages of the
 * sidebar, where a sync's end is heard). Closing it cancels running syncs and stops its threads.
 */
public final class DesktopUi implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DesktopUi.class);
    private final FxBackground tasks = new FxBackground();
    private final SyncBoard board = new SyncBoard();
    private final SyncCoordinator coordinator;
    /** Null when the media folder cannot be made: then the thread shows attachments as links. */
    private final MediaDownloads media;
    private final Path home;
    /** Where this session's attachment files are: as Settings say, or the demo home's own folder for the demo. */
    private final MediaSettings mediaSettings;
    private final ToastPane toasts = new ToastPane();
    private final MainViewModel model;
    private final MainController main;
    private final StackPane root;

    public DesktopUi(DesktopSession session, DesktopSettings settings, MainActions actions, Clock clock) {
        this.home = session.config().home();
        // the demo's pretend files stay with the demo's database, never in the real Pages' store
        this.mediaSettings = session.isDemo() ? MediaSettings.defaults(DemoWorld.demoHome(home))
                : settings.media().settings(home);
        this.media = mediaDownloads(session, settings);
        this.coordinator = new SyncCoordinator(session.app(), board, settings.parallelism(), media);
        MediaChanged mediaChanged = media == null ? MediaChanged.NEVER : media::whenFilesChange;
        coordinator.useFolders(settings.syncFolders());
        Prompts prompts = new DialogPrompts(this::window);
        this.model = new MainViewModel(board, Syncs.of(coordinator, Platform::runLater), MainData.of(session.app()),
                tasks, prompts, toasts, clock, Ticker.fx(), settings, actions::settingsChanged,
                session.config().graph().callsPerSecondPerPage());
        PageConnector connector = new PageConnector(PageConnector.Tokens.of(session.app().pageConnections()), tasks,
                prompts, session.isDemo(), actions::leaveDemo, model::connected, model::imported, model::error);
        this.main = new MainController(model, connector, session.isDemo(), actions);
        this.root = (StackPane) Fxml.MAIN.load(main);
        StackPane.setAlignment(toasts, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(toasts, new Insets(0));
        root.getChildren().add(toasts);
        main.addTab(new ConversationsTab(session.app(), tasks, toasts, model.pages(), model,
                media == null ? null : media.keptFiles(), mediaChanged).tab());
        main.addTab(HistoryTab.create(session.app(), tasks, model.pages(), model));
        MediaOverview.addTo(main, model.pages(), model, mediaChanged, session.app().mediaQueue(), tasks);
        root.getStylesheets().add(Fxml.stylesheet());
        root.sceneProperty().addListener((o, was, scene) -> {
            if (scene != null) {
                MainKeys.install(scene, MainKeys.Commands.of(model, actions));
            }
        });
    }

    /** The downloads that follow the window's syncs, as the window's background work; null without a media folder. */
    private MediaDownloads mediaDownloads(DesktopSession session, DesktopSettings settings) {
        try {
            return session.app().mediaDownloads(mediaSettings, tasks);
        } catch (RuntimeException e) {
            LOG.warn("Attachments are not downloaded by this window: {}", e.getMessage());
            return null;
        }
    }

    /** The window the dialogs belong to (null until the view is in one). */
    private Window window() {
        return root == null || root.getScene() == null ? null : root.getScene().getWindow();
    }

    public Parent root() {
        return root;
    }

    /** The sidebar's Pages (and the selected one). */
    public PagesViewModel pages() {
        return model.pages();
    }

    public ToastPane toasts() {
        return toasts;
    }

    public FxBackground tasks() {
        return tasks;
    }

    /** The attachment downloads after the window's syncs, or null when the media folder could not be made. */
    public MediaDownloads media() {
        return media;
    }

    /** Settings saved in the Settings dialog: what can change while the window is open changes now. */
    public void applySettings(DesktopSettings settings) {
        coordinator.setParallelism(settings.parallelism());
        coordinator.useFolders(settings.syncFolders());
        if (media != null) {
            media.useLimits(settings.media().settings(home)); // (a new folder waits for the next start)
        }
        model.applySettings(settings);
    }

    /** Starts the clocks and loads the Pages; call after the root is in a showing window. */
    public void start() {
        main.start();
        // The first toast (or thread) with a dash or an emoji reads Unicode's emoji data: 2 s of the FX thread in the
        // 200-Pages bench, half-way through Sync all. Read it now, beside the window, instead (the app's start asks
        // too, earlier; reading it is done once).
        tasks.run("read the emoji data", EmojiRuns::prepare, read -> { }, failed -> { });
    }

    @Override
    public void close() {
        main.stop();
        coordinator.close();
        if (media != null) {
            media.close();
        }
        tasks.close();
    }
}
