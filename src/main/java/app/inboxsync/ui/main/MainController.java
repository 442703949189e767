package app.inboxsync.ui.main;

import app.inboxsync.app.SyncCoordinator;
import app.inboxsync.app.background.Background;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.domain.Secret;
import app.inboxsync.read.PageSummary;
import app.inboxsync.read.SyncRunRow;
import app.inboxsync.sync.SyncResult;
import app.inboxsync.ui.DesktopSession;
import app.inboxsync.ui.common.Fxml;
import app.inboxsync.ui.common.Notifier;
import app.inboxsync.ui.common.Toast;
import app.inboxsync.ui.pages.PageCell;
import app.inboxsync.ui.pages.PageItem;
import app.inboxsync.ui.pages.PagesViewModel;
import app.inboxsync.ui.pages.TokenDialog;
import app.inboxsync.ui.settings.DesktopSettings;
import app.inboxsync.ui.sync.FullSyncCost;
import app.inboxsync.ui.sync.PageProgress;
import app.inboxsync.ui.sync.SummaryText;
import app.inboxsync.ui.sync.SyncBoard;
import app.inboxsync.ui.welcome.WelcomeController;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import javafx.util.StringConverter;

/**
 * The main window: Pages, sync controls, the summary card, live syncs and toasts. Syncs run on the
 * {@link SyncCoordinator}'s threads and write to the {@link SyncBoard}; this controller reads the board every
 * 100 ms, so the FX thread does a bounded amount of work however fast a sync goes.
 */
public final class MainController {
    private static final Duration REFRESH = Duration.millis(100);

    private final DesktopSession session;
    private final Background tasks;
    private final SyncCoordinator coordinator;
    private final SyncBoard board;
    private final PagesViewModel pages = new PagesViewModel();
    private final Notifier notifier;
    private final Clock clock;
    private final MainActions actions;
    private DesktopSettings settings;
    private long seenVersion = -1;
    private Instant lastSlowRefresh = Instant.EPOCH;
    private SyncRunRow lastRun;
    private Timeline refresher;
    private Timeline autoSync;
    private Parent welcome;
    private ProgressBarDriver progress;
    private final List<Consumer<SyncResult>> syncFinishedListeners = new ArrayList<>();

    @FXML private MenuItem demoMenuItem;
    @FXML private Button syncButton;
    @FXML private Button cancelButton;
    @FXML private Button syncAllButton;
    @FXML private Button resetButton;
    @FXML private ChoiceBox<Integer> autoSyncChoice;
    @FXML private ToggleButton themeToggle;
    @FXML private ListView<PageItem> pagesList;
    @FXML private Label demoBanner;
    @FXML private Button leaveDemoButton;
    @FXML private StackPane centerStack;
    @FXML private TabPane tabs;
    @FXML private Label summaryTitle;
    @FXML private Label summaryHeadline;
    @FXML private Label summaryDetails;
    @FXML private VBox summaryCard;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressText;
    @FXML private TableView<PageProgress> liveTable;

    public MainController(DesktopSession session, Background tasks, SyncCoordinator coordinator, SyncBoard board,
                          Notifier notifier, Clock clock, DesktopSettings settings, MainActions actions) {
        this.session = session;
        this.tasks = tasks;
        this.coordinator = coordinator;
        this.board = board;
        this.notifier = notifier;
        this.clock = clock;
        this.settings = settings;
        this.actions = actions;
    }

    @FXML
    private void initialize() {
        pagesList.setItems(pages.pages());
        pagesList.setCellFactory(list -> new PageCell(this::reconnect));
        pagesList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now != pages.selectedProperty().get()) {
                pages.selectedProperty().set(now);
            }
        });
        pages.selectedProperty().addListener((o, was, now) -> {
            if (now != null && pagesList.getSelectionModel().getSelectedItem() != now) {
                pagesList.getSelectionModel().select(now);
            }
            showSelectedPage();
        });
        LiveTable.configure(liveTable);
        LiveTable.prepareCells(liveTable);
        progress = new ProgressBarDriver(progressBar);
        autoSyncChoice.getItems().setAll(DesktopSettings.AUTO_SYNC_CHOICES);
        autoSyncChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer minutes) {
                return minutes == null || minutes == 0 ? "Off" : "Every " + minutes + " min";
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        autoSyncChoice.setValue(settings.autoSyncMinutes());
        autoSyncChoice.valueProperty().addListener((o, was, now) -> {
            if (now != null && now != settings.autoSyncMinutes()) {
                setAutoSync(now);
            }
        });
        themeToggle.setSelected(settings.theme() == DesktopSettings.Theme.DARK);
        demoBanner.setVisible(session.isDemo());
        demoBanner.setManaged(session.isDemo());
        demoMenuItem.setDisable(session.isDemo());
        leaveDemoButton.setVisible(session.isDemo());
        leaveDemoButton.setManaged(session.isDemo());
        welcome = Fxml.WELCOME.load(new WelcomeController(this::addPage, this::importPages, this::tryDemo));
        showSelectedPage();
    }

    /** Starts the clocks and loads the Pages; call once the view is in a window. */
    public void start() {
        refresher = new Timeline(new KeyFrame(REFRESH, e -> refresh()));
        refresher.setCycleCount(Timeline.INDEFINITE);
        refresher.play();
        scheduleAutoSync(settings.autoSyncMinutes());
        reloadPages();
    }

    public void stop() {
        if (refresher != null) {
            refresher.stop();
        }
        if (autoSync != null) {
            autoSync.stop();
        }
        progress.stop();
    }

    /** Adds a tab beside "Overview" (the conversations browser, the history…). */
    public void addTab(Tab tab) {
        tabs.getTabs().add(tab);
    }

    public PagesViewModel pages() {
        return pages;
    }

    /** Tells {@code listener} (on the FX thread) when a Page's sync started from this window has ended. */
    public void whenSyncFinished(Consumer<SyncResult> listener) {
        syncFinishedListeners.add(listener);
    }

    // ---- the clock: live progress, toasts, relative times -------------------------------------------------

    private void refresh() {
        Instant now = clock.instant();
        for (Toast toast : board.dueToasts(now)) {
            notifier.notify(toast);
        }
        long version = board.version();
        boolean slow = java.time.Duration.between(lastSlowRefresh, now).toMillis() >= 1000;
        if (version == seenVersion && !slow) {
            return;
        }
        seenVersion = version;
        Map<String, PageProgress> live = board.snapshot();
        pages.apply(live, now);
        LiveTable.show(liveTable, live);
        showSyncControls();
        if (slow) {
            lastSlowRefresh = now;
            showSummary();
        }
    }

    private void showSyncControls() {
        Optional<PageItem> page = pages.selected();
        PageProgress live = page.map(PageItem::live).orElse(null);
        boolean running = page.isPresent() && coordinator.busy(page.get().pageId());
        syncButton.setText(running && live != null ? syncingLabel(live) : "Sync");
        syncButton.setDisable(page.isEmpty() || running);
        cancelButton.setDisable(!running);
        resetButton.setDisable(page.isEmpty() || running);
        syncAllButton.setDisable(pages.pages().isEmpty());
        if (live == null) {
            progress.show(0);
            progressText.setText("");
            return;
        }
        progress.show(live.phase().running() ? live.fraction()
                : live.phase() == PageProgress.Phase.SUCCEEDED ? 1 : 0);
        progressText.setText(ProgressWords.of(live));
    }

    /** The old app's live counter: "Syncing… (250)". */
    static String syncingLabel(PageProgress live) {
        return live.phase() == PageProgress.Phase.QUEUED ? "Queued…" : "Syncing… (" + live.seen() + ")";
    }

    // ---- the selected Page and its summary card -----------------------------------------------------------

    private void showSelectedPage() {
        boolean none = pages.pages().isEmpty();
        Node center = none ? welcome : tabs;
        if (centerStack.getChildren().size() != 1 || centerStack.getChildren().get(0) != center) {
            centerStack.getChildren().setAll(center);
        }
        lastRun = null;
        showSyncControls();
        showSummary();
        pages.selected().ifPresent(page -> tasks.run("read the last sync of " + page.name(),
                () -> session.app().runs().recent(page.pageId(), 1),
                runs -> {
                    if (pages.selected().filter(p -> p.pageId().equals(page.pageId())).isPresent()) {
                        lastRun = runs.isEmpty() ? null : runs.get(0);
                        showSummary();
                    }
                },
                this::error));
    }

    private void showSummary() {
        Optional<PageItem> page = pages.selected();
        summaryCard.setVisible(page.isPresent());
        if (page.isEmpty()) {
            return;
        }
        summaryTitle.setText(SummaryText.title(page.get().name()));
        if (lastRun == null) {
            summaryHeadline.setText("Never synced. Press Sync to copy its conversations.");
            summaryDetails.setText(page.get().summary().tokenValid() ? "" : "Reconnect the Page first: Facebook refused its token.");
        } else {
            summaryHeadline.setText(SummaryText.headline(lastRun, clock.instant()));
            summaryDetails.setText(SummaryText.details(lastRun) + "\n" + SummaryText.copy(page.get().summary()));
        }
    }

    // ---- syncing -------------------------------------------------------------------------------------------

    @FXML
    public void syncSelected() {
        pages.selected().ifPresent(p -> startSyncs(List.of(p), false));
    }

    @FXML
    public void syncAll() {
        startSyncs(pages.pages(), false);
    }

    @FXML
    public void cancelSelected() {
        pages.selected().ifPresent(p -> coordinator.cancel(p.pageId()));
    }

    /** Starts what is not already running; Pages already syncing are skipped, not queued twice. */
    private void startSyncs(List<PageItem> toSync, boolean forceFull) {
        List<PageItem> idle = toSync.stream().filter(p -> !coordinator.busy(p.pageId())).toList();
        idle.forEach(p -> board.queued(p.pageId(), p.name()));
        coordinator.start(idle.stream().map(PageItem::pageId).toList(), forceFull,
                result -> Platform.runLater(() -> finished(result)));
        refresh();
    }

    private void finished(SyncResult result) {
        reloadPages();
        if (pages.selected().filter(p -> p.pageId().equals(result.pageId())).isPresent()) {
            showSelectedPage();
        }
        syncFinishedListeners.forEach(l -> l.accept(result));
    }

    @FXML
    public void resetAndFullSync() {
        Optional<PageItem> selected = pages.selected();
        if (selected.isEmpty()) {
            return;
        }
        PageItem page = selected.get();
        FullSyncCost cost = FullSyncCost.estimate(page.summary().conversations(), page.summary().folders().size(),
                session.config().graph().callsPerSecondPerPage());
        ButtonType go = new ButtonType("Reset & full sync", ButtonBar.ButtonData.OK_DONE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "", go, ButtonType.CANCEL);
        confirm.initOwner(window());
        confirm.setTitle("Reset & full sync");
        confirm.setHeaderText("Read all of \"" + page.name() + "\" again?");
        confirm.setContentText("A full sync reads every conversation and message of this Page from Facebook again: "
                + cost.describe() + ". Conversations stay browsable meanwhile, and your tags and notes are kept. "
                + "Later syncs are quick incremental ones again.");
        confirm.getDialogPane().setId("reset-confirmation");
        if (confirm.showAndWait().filter(b -> b == go).isEmpty()) {
            return;
        }
        tasks.run("reset " + page.name(), () -> session.app().pages().requestFullSync(page.pageId()),
                ok -> startSyncs(List.of(page), true), this::error);
    }

    public void setAutoSync(Integer minutes) {
        int m = minutes == null ? 0 : minutes;
        settings = settings.withAutoSyncMinutes(m);
        actions.settingsChanged(settings);
        scheduleAutoSync(m);
        notifier.notify(new Toast(Toast.Kind.INFO, "Auto-sync", m == 0 ? "Off."
                : "Every Page syncs every " + m + " minutes while Inbox Sync is open (a Page already syncing is skipped)."));
    }

    /** Settings changed elsewhere (the Settings dialog): the toolbar shows them and auto-sync follows. */
    public void applySettings(DesktopSettings changed) {
        boolean autoSyncChanged = changed.autoSyncMinutes() != settings.autoSyncMinutes();
        settings = changed;
        autoSyncChoice.setValue(changed.autoSyncMinutes());
        themeToggle.setSelected(changed.theme() == DesktopSettings.Theme.DARK);
        if (autoSyncChanged) {
            scheduleAutoSync(changed.autoSyncMinutes());
        }
    }

    private void scheduleAutoSync(int minutes) {
        if (autoSync != null) {
            autoSync.stop();
            autoSync = null;
        }
        if (minutes > 0) {
            autoSync = new Timeline(new KeyFrame(Duration.minutes(minutes), e -> syncAll()));
            autoSync.setCycleCount(Timeline.INDEFINITE);
            autoSync.play();
        }
    }

    // ---- Pages and tokens ----------------------------------------------------------------------------------

    public void reloadPages() {
        tasks.run("load the Pages", () -> session.app().pages().listPages(), this::showPages, this::error);
    }

    private void showPages(List<PageSummary> stored) {
        boolean wasEmpty = pages.pages().isEmpty();
        pages.load(stored, clock.instant());
        pages.apply(board.snapshot(), clock.instant());
        if (wasEmpty != pages.pages().isEmpty()) {
            showSelectedPage();
        }
        showSyncControls();
    }

    @FXML
    public void addPage() {
        if (offerWayBackFromDemo("add a Page")) {
            return;
        }
        TokenDialog.ask(window(), "Add a Page", "Paste the Page access token of the Page (from Meta's Graph API "
                + "Explorer or your app). Inbox Sync asks Facebook which Page it belongs to and keeps the token in "
                + "your keychain, never in the database.", "Add Page")
                .ifPresent(token -> connect("add the Page", () -> List.of(session.app().pageConnections().add(token))));
    }

    @FXML
    public void importPages() {
        if (offerWayBackFromDemo("import your Pages")) {
            return;
        }
        TokenDialog.ask(window(), "Import all my Pages", "Paste a user access token with the pages_show_list and "
                + "pages_messaging permissions. Inbox Sync adds every Page it manages, each with its own Page token.",
                "Import Pages")
                .ifPresent(token -> connect("import your Pages", () -> session.app().pageConnections().importAll(token)));
    }

    private void reconnect(PageItem page) {
        TokenDialog.ask(window(), "Reconnect " + page.name(), "Facebook no longer accepts this Page's token"
                + (page.summary().tokenError() == null ? "." : ": " + page.summary().tokenError())
                + " Paste a new Page access token for \"" + page.name() + "\".", "Reconnect")
                .ifPresent(token -> connect("reconnect " + page.name(),
                        () -> List.of(session.app().pageConnections().reconnect(page.pageId(), token))));
    }

    private void connect(String what, java.util.concurrent.Callable<List<PageProfile>> work) {
        tasks.run(what, work, added -> {
            notifier.notify(new Toast(Toast.Kind.SUCCESS, added.size() == 1 ? added.get(0).name() : added.size() + " Pages",
                    added.isEmpty() ? "That token manages no Page." : "Connected. Press Sync to copy the conversations."));
            reloadPages();
        }, this::error);
    }

    @FXML
    public void tryDemo() {
        actions.tryDemo();
    }

    @FXML
    public void leaveDemo() {
        actions.leaveDemo();
    }

    /**
     * In the demo, a real token would only be tried on the simulator (which refuses it as "no longer accepted"):
     * say so, and offer the way back to the real Pages instead. Returns whether this is the demo.
     */
    private boolean offerWayBackFromDemo(String what) {
        if (!session.isDemo()) {
            return false;
        }
        ButtonType back = new ButtonType("Back to my Pages", ButtonBar.ButtonData.OK_DONE);
        Alert offer = new Alert(Alert.AlertType.INFORMATION, "", back, ButtonType.CANCEL);
        offer.initOwner(window());
        offer.setTitle("Demo data");
        offer.setHeaderText("This window shows the demo data");
        offer.setContentText("Its Pages are pretend ones, served by the bundled Graph simulator, which knows no real "
                + "token. Go back to your Pages to " + what + " with a token from Facebook.");
        offer.getDialogPane().setId("demo-way-back");
        if (offer.showAndWait().filter(b -> b == back).isPresent()) {
            actions.leaveDemo();
        }
        return true;
    }

    @FXML
    public void toggleTheme() {
        settings = settings.withTheme(themeToggle.isSelected() ? DesktopSettings.Theme.DARK : DesktopSettings.Theme.LIGHT);
        actions.settingsChanged(settings);
    }

    @FXML
    public void openSettings() {
        actions.openSettings();
    }

    private void error(String message) {
        notifier.notify(new Toast(Toast.Kind.ERROR, "Something went wrong", message));
    }

    private javafx.stage.Window window() {
        Node anyNode = syncButton;
        return anyNode.getScene() == null ? null : anyNode.getScene().getWindow();
    }

    /** What the window asks of the app around it. */
    public interface MainActions {
        void tryDemo();

        /** From the demo back to the real Pages, in the same window (only the app's window opens the demo). */
        default void leaveDemo() {
        }

        void openSettings();

        void settingsChanged(DesktopSettings settings);
    }
}
