package app.inboxsync.ui.history;

import app.inboxsync.app.background.Background;
import app.inboxsync.read.CustomerActivity;
import app.inboxsync.read.RunHistory;
import app.inboxsync.read.SyncRunRow;
import app.inboxsync.read.WeeklyActivity;
import app.inboxsync.ui.pages.PageItem;
import app.inboxsync.ui.pages.PagesViewModel;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.VBox;

/**
 * The History tab: past syncs from {@code sync_runs} (table and charts) and when customers write (heatmap), for
 * the selected Page or all Pages. Both queries run off the FX thread; an answer that arrives after the user
 * moved on (another Page, the other scope) is dropped.
 */
public final class HistoryController {
    private final RunHistory runs;
    private final CustomerActivity activity;
    private final Background tasks;
    private final PagesViewModel pages;
    private final HistoryViewModel model;
    private long generation;

    @FXML private ToggleButton selectedPageToggle;
    @FXML private ToggleButton allPagesToggle;
    @FXML private Label historyError;
    @FXML private TableView<RunLine> runsTable;
    @FXML private BarChart<String, Number> touchedChart;
    @FXML private LineChart<String, Number> durationChart;
    @FXML private Label activityTitle;
    @FXML private VBox activityBox;
    private final ActivityHeatmap heatmap = new ActivityHeatmap();

    public HistoryController(RunHistory runs, CustomerActivity activity, Background tasks, PagesViewModel pages,
                             HistoryViewModel model) {
        this.runs = runs;
        this.activity = activity;
        this.tasks = tasks;
        this.pages = pages;
        this.model = model;
    }

    @FXML
    private void initialize() {
        ToggleGroup scope = new ToggleGroup();
        selectedPageToggle.setToggleGroup(scope);
        allPagesToggle.setToggleGroup(scope);
        selectedPageToggle.setSelected(true);
        scope.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                was.setSelected(true); // one of the two is always on
                return;
            }
            model.scopeProperty().set(now == allPagesToggle ? HistoryViewModel.Scope.ALL_PAGES : HistoryViewModel.Scope.SELECTED_PAGE);
            refresh();
        });
        configureTable();
        runsTable.setItems(model.runs());
        model.points().addListener((ListChangeListener<RunPoint>) c -> showPoints());
        activityBox.getChildren().add(heatmap);
        activityTitle.textProperty().bind(model.activityTitleProperty());
        model.activityProperty().addListener((o, was, now) -> heatmap.show(now));
    }

    /** Reads the runs and the activity again (when the tab opens, the Page changes, a sync ends). */
    public void refresh() {
        long asked = ++generation;
        PageItem selected = pages.selected().orElse(null);
        String pageId = model.pageToShow(selected == null ? null : selected.pageId());
        String pageName = pageId == null ? null : selected.name();
        Function<String, String> names = id -> pages.find(id).map(PageItem::name).orElse(id);
        tasks.run("read the sync history", () -> runs.recent(pageId, HistoryViewModel.RUNS_LISTED),
                (List<SyncRunRow> runs) -> {
                    if (asked == generation) {
                        historyError.setText("");
                        model.showRuns(runs, names);
                    }
                }, this::showError);
        tasks.run("count when customers write",
                () -> activity.customerMessagesByWeekdayHour(pageId, model.zone()),
                (WeeklyActivity counted) -> {
                    if (asked == generation) {
                        model.showActivity(counted, pageName);
                    }
                }, this::showError);
    }

    private void showError(String message) {
        historyError.setText(message);
    }

    private void showPoints() {
        XYChart.Series<String, Number> touched = new XYChart.Series<>();
        touched.setName("Conversations touched");
        XYChart.Series<String, Number> seconds = new XYChart.Series<>();
        seconds.setName("Duration (s)");
        for (RunPoint p : model.points()) {
            touched.getData().add(new XYChart.Data<>(p.label(), p.touched()));
            seconds.getData().add(new XYChart.Data<>(p.label(), p.seconds()));
        }
        touchedChart.getData().setAll(List.of(touched));
        durationChart.getData().setAll(List.of(seconds));
    }

    private void configureTable() {
        runsTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        runsTable.getColumns().setAll(List.of(
                column("Started", 175, RunLine::started),
                column("Page", 160, RunLine::page),
                column("Mode", 110, RunLine::mode),
                column("Status", 100, RunLine::status),
                column("Inserted", 85, RunLine::inserted),
                column("Updated", 85, RunLine::updated),
                column("Unchanged", 100, RunLine::unchanged),
                column("Messages new", 120, RunLine::messagesNew),
                column("API calls", 85, RunLine::apiCalls),
                column("Duration", 90, RunLine::duration),
                column("Error", 320, RunLine::error)));
    }

    private static <T> TableColumn<RunLine, T> column(String title, double width, Function<RunLine, T> value) {
        TableColumn<RunLine, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setId("run-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }
}
