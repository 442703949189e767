package app.inboxsync.ui.main;

import app.inboxsync.ui.common.Fxml;
import app.inboxsync.ui.pages.PageCell;
import app.inboxsync.ui.pages.PageItem;
import app.inboxsync.ui.pages.PageOrder;
import app.inboxsync.ui.pages.PagesViewModel;
import app.inboxsync.ui.settings.DesktopSettings;
import app.inboxsync.ui.sync.RunState;
import app.inboxsync.ui.welcome.WelcomeController;
import java.time.Duration;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The main window: binds its controls to the {@link MainViewModel} and forwards the buttons to it and to the
 * {@link PageConnector}. The view model reads the sync board every {@link #REFRESH}, so the FX thread does a
 * bounded amount of work however fast a sync goes.
 */
public final class MainController {
    private static final Duration REFRESH = Duration.ofMillis(100);

    private final MainViewModel model;
    private final PageConnector connector;
    private final boolean demo;
    private final MainActions actions;
    private Ticker.Ticking refresher;
    private Parent welcome;
    private ProgressBarDriver progress;

    @FXML private MenuItem demoMenuItem;
    @FXML private Button syncButton;
    @FXML private Button cancelButton;
    @FXML private Button syncAllButton;
    @FXML private Button resetButton;
    @FXML private ChoiceBox<Integer> autoSyncChoice;
    @FXML private ToggleButton themeToggle;
    @FXML private ListView<PageItem> pagesList;
    @FXML private Label pagesCount;
    @FXML private Label pagesEmpty;
    @FXML private TextField pagesFilter;
    @FXML private ChoiceBox<PageOrder> pagesOrder;
    @FXML private Label demoBanner;
    @FXML private Button leaveDemoButton;
    @FXML private StackPane centerStack;
    @FXML private TabPane tabs;
    @FXML private FontIcon summaryIcon;
    @FXML private Label summaryTitle;
    @FXML private Label summaryHeadline;
    @FXML private Label summaryDetails;
    @FXML private VBox summaryCard;
    @FXML private ProgressBar progressBar;
    @FXML private Label progressText;
    @FXML private TableView<LiveRow> liveTable;

    /** @param demo whether the window shows the demo data (a banner, the way back, no "Try demo data") */
    public MainController(MainViewModel model, PageConnector connector, boolean demo, MainActions actions) {
        this.model = model;
        this.connector = connector;
        this.demo = demo;
        this.actions = actions;
    }

    @FXML
    private void initialize() {
        PagesViewModel pages = model.pages();
        pagesList.setItems(pages.shown());
        pagesCount.textProperty().bind(pages.countsProperty());
        pagesEmpty.textProperty().bind(pages.emptyWordsProperty());
        pagesFilter.textProperty().bindBidirectional(pages.filterProperty());
        pagesOrder.getItems().setAll(PageOrder.values());
        pagesOrder.setConverter(new StringConverter<>() {
            @Override
            public String toString(PageOrder order) {
                return order == null ? "" : "Sort: " + order.label();
            }

            @Override
            public PageOrder fromString(String s) {
                return null;
            }
        });
        pagesOrder.valueProperty().bindBidirectional(pages.orderProperty());
        // a selected Page hidden by the filter stays selected (its summary shows); shown again, it is marked again
        pages.shown().addListener((javafx.collections.ListChangeListener<PageItem>) change -> {
            PageItem now = pages.selectedProperty().get();
            if (now != null && pagesList.getSelectionModel().getSelectedItem() != now && pages.shown().contains(now)) {
                pagesList.getSelectionModel().select(now);
            }
        });
        pagesList.setCellFactory(list -> new PageCell(connector::reconnect));
        pagesList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null && now != pages.selectedProperty().get()) {
                pages.selectedProperty().set(now);
            }
        });
        pages.selectedProperty().addListener((o, was, now) -> {
            if (now != null && pagesList.getSelectionModel().getSelectedItem() != now) {
                pagesList.getSelectionModel().select(now);
            }
        });
        LiveTable live = new LiveTable(liveTable);
        model.liveProperty().addListener((o, was, now) -> live.show(now));
        progress = new ProgressBarDriver(progressBar);
        model.progressProperty().addListener((o, was, now) -> progress.show(now.doubleValue()));
        progressText.textProperty().bind(model.progressTextProperty());
        syncButton.textProperty().bind(model.syncTextProperty());
        syncButton.disableProperty().bind(model.syncDisabledProperty());
        cancelButton.disableProperty().bind(model.cancelDisabledProperty());
        resetButton.disableProperty().bind(model.resetDisabledProperty());
        syncAllButton.disableProperty().bind(model.syncAllDisabledProperty());
        summaryCard.visibleProperty().bind(model.summaryVisibleProperty());
        summaryTitle.textProperty().bind(model.summaryTitleProperty());
        showSummaryState(model.summaryStateProperty().get());
        model.summaryStateProperty().addListener((o, was, now) -> showSummaryState(now));
        summaryHeadline.textProperty().bind(model.summaryHeadlineProperty());
        summaryDetails.textProperty().bind(model.summaryDetailsProperty());

        autoSyncChoice.getItems().setAll(DesktopSettings.AUTO_SYNC_CHOICES);
        autoSyncChoice.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer minutes) {
                return AutoSync.describe(minutes);
            }

            @Override
            public Integer fromString(String s) {
                return null;
            }
        });
        autoSyncChoice.setValue(model.autoSyncMinutesProperty().get());
        model.autoSyncMinutesProperty().addListener((o, was, now) -> autoSyncChoice.setValue(now.intValue()));
        autoSyncChoice.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.chooseAutoSync(now);
            }
        });
        themeToggle.setSelected(model.darkThemeProperty().get());
        model.darkThemeProperty().addListener((o, was, now) -> themeToggle.setSelected(now));

        demoBanner.setVisible(demo);
        demoBanner.setManaged(demo);
        demoMenuItem.setDisable(demo);
        leaveDemoButton.setVisible(demo);
        leaveDemoButton.setManaged(demo);
        welcome = Fxml.WELCOME.load(new WelcomeController(this::addPage, this::importPages, this::tryDemo));
        showCenter(model.welcomeShownProperty().get());
        model.welcomeShownProperty().addListener((o, was, now) -> showCenter(now));
    }

    private void showSummaryState(RunState state) {
        summaryIcon.setIconCode(state.icon());
        summaryIcon.getStyleClass().removeIf(c -> c.startsWith("run-"));
        summaryIcon.getStyleClass().add(state.styleClass());
        Tooltip.install(summaryIcon, new Tooltip(state.label()));
    }

    /** No Page yet: the welcome view where the tabs are. */
    private void showCenter(boolean welcomeShown) {
        Node center = welcomeShown ? welcome : tabs;
        if (centerStack.getChildren().size() != 1 || centerStack.getChildren().get(0) != center) {
            centerStack.getChildren().setAll(center);
        }
    }

    /** Starts the clocks and loads the Pages; call once the view is in a window. */
    public void start() {
        refresher = Ticker.fx().every(REFRESH, model::refresh);
        model.start();
    }

    public void stop() {
        if (refresher != null) {
            refresher.stop();
        }
        model.stop();
        progress.stop();
    }

    /** Adds a tab beside "Overview" (the conversations browser, the history…). */
    public void addTab(Tab tab) {
        tabs.getTabs().add(tab);
    }

    @FXML
    public void syncSelected() {
        model.syncSelected();
    }

    @FXML
    public void syncAll() {
        model.syncAll();
    }

    @FXML
    public void cancelSelected() {
        model.cancelSelected();
    }

    @FXML
    public void resetAndFullSync() {
        model.resetAndFullSync();
    }

    @FXML
    public void addPage() {
        connector.addPage();
    }

    @FXML
    public void importPages() {
        connector.importPages();
    }

    @FXML
    public void tryDemo() {
        actions.tryDemo();
    }

    @FXML
    public void leaveDemo() {
        actions.leaveDemo();
    }

    @FXML
    public void toggleTheme() {
        model.chooseTheme(themeToggle.isSelected());
    }

    @FXML
    public void openSettings() {
        actions.openSettings();
    }
}
