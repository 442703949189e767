package app.inboxsync.ui.history;

import app.inboxsync.app.background.Background;
import app.inboxsync.read.CustomerActivity;
import app.inboxsync.read.RunHistory;
import app.inboxsync.read.SyncRunRow;
import app.inboxsync.read.WeeklyActivity;
import app.inboxsync.ui.pages.PageItem;
import app.inboxsync.ui.pages.PagesViewModel;
import app.inboxsync.ui.sync.RunState;
import app.inboxsync.ui.sync.RunStateCell;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.control.TableCell;
import javafx.scene.control.Tooltip;
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
    @FXML private Label runDetails;
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
        tasks.run("read the sync history", () -> new Runs(runs.recent(pageId, HistoryViewModel.RUNS_LISTED),
                        runs.numbersPerPage(pageId)),
                (Runs read) -> {
                    if (asked == generation) {
                        historyError.setText("");
                        model.showRuns(read.newestFirst(), names, read.numbers());
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

    /** One read of the history: the runs and their numbers per Page. */
    private record Runs(List<SyncRunRow> newestFirst, Map<Long, Integer> numbers) {
    }

    private void showError(String message) {
        historyError.setText(message);
    }

    /**
     * One series per Page, named after it: with all Pages shown the legend says whose bar is whose ("#3" is
     * each Page's third sync); with one Page the legend would only repeat the title, so it is hidden.
     */
    private void showPoints() {
        Map<String, XYChart.Series<String, Number>> touched = new LinkedHashMap<>();
        Map<String, XYChart.Series<String, Number>> seconds = new LinkedHashMap<>();
        for (RunPoint p : model.points()) {
            touched.computeIfAbsent(p.page(), HistoryController::series).getData().add(new XYChart.Data<>(p.label(), p.touched()));
            seconds.computeIfAbsent(p.page(), HistoryController::series).getData().add(new XYChart.Data<>(p.label(), p.seconds()));
        }
        // the axis in run order, whichever Page's series names a number first
        List<String> categories = model.points().stream().sorted(Comparator.comparingInt(RunPoint::number))
                .map(RunPoint::label).distinct().toList();
        boolean legend = model.scopeProperty().get() == HistoryViewModel.Scope.ALL_PAGES;
        touchedChart.getData().setAll(touched.values());
        durationChart.getData().setAll(seconds.values());
        for (XYChart<String, Number> chart : List.<XYChart<String, Number>>of(touchedChart, durationChart)) {
            CategoryAxis axis = (CategoryAxis) chart.getXAxis();
            axis.setAutoRanging(false);
            axis.setCategories(FXCollections.observableArrayList(categories));
            chart.setLegendVisible(legend);
        }
    }

    private static XYChart.Series<String, Number> series(String page) {
        XYChart.Series<String, Number> s = new XYChart.Series<>();
        s.setName(page);
        return s;
    }

    /** The selected run in full below the table, or the newest one that has something to say. */
    private void showDetails(RunLine selected) {
        RunLine shown = selected != null ? selected
                : model.runs().stream().filter(r -> !r.error().isEmpty()).findFirst().orElse(null);
        if (shown == null) {
            runDetails.setText(model.runs().isEmpty() ? "" : "Select a run to read it in full here.");
            return;
        }
        runDetails.setText((selected == null ? "Latest message: " : "")
                + shown.page() + " " + shown.numberText() + " · " + shown.status() + " · " + shown.mode()
                + " · started " + shown.startedFull()
                + (shown.duration().isEmpty() ? "" : " · took " + shown.duration())
                + (shown.error().isEmpty() ? "" : "\n" + shown.error()));
    }

    /**
     * The words first, the numbers after: the Error column sits beside the state it explains, on screen at
     * 1280×800 (it used to be last, behind a horizontal scroll); its full text is in the tooltip and below.
     */
    private void configureTable() {
        runsTable.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        TableColumn<RunLine, String> page = column("Page", 130, RunLine::page);
        page.visibleProperty().bind(model.scopeProperty().isEqualTo(HistoryViewModel.Scope.ALL_PAGES));
        TableColumn<RunLine, RunState> status = column("Status", 120, RunLine::state);
        status.setCellFactory(c -> new RunStateCell<>());
        TableColumn<RunLine, String> started = column("Started", 195, RunLine::started);
        started.setCellFactory(c -> tooltipCell(RunLine::startedFull));
        TableColumn<RunLine, String> error = column("Error", 220, RunLine::error);
        error.setCellFactory(c -> tooltipCell(RunLine::error));
        runsTable.getColumns().setAll(List.of(
                column("Run", 60, RunLine::numberText),
                started,
                page,
                status,
                error,
                column("Mode", 110, RunLine::mode),
                column("Inserted", 85, RunLine::inserted),
                column("Updated", 85, RunLine::updated),
                column("Unchanged", 115, RunLine::unchanged),
                column("Messages new", 130, RunLine::messagesNew),
                column("API calls", 85, RunLine::apiCalls),
                column("Duration", 90, RunLine::duration)));
        runsTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showDetails(now));
        model.runs().addListener((ListChangeListener<RunLine>) c -> showDetails(runsTable.getSelectionModel().getSelectedItem()));
    }

    /** A text cell whose tooltip holds the whole of what it may cut ("Dec 3, 2026, 3:00 PM" → the full date). */
    private static TableCell<RunLine, String> tooltipCell(Function<RunLine, String> full) {
        return new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                RunLine line = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : text);
                String tip = line == null ? "" : full.apply(line);
                setTooltip(tip.isEmpty() ? null : new Tooltip(tip));
            }
        };
    }

    private static <T> TableColumn<RunLine, T> column(String title, double width, Function<RunLine, T> value) {
        TableColumn<RunLine, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setMinWidth(Math.min(width, 60)); // dragged narrower, a header still reads
        c.setId("run-" + title.toLowerCase(java.util.Locale.ROOT).replace(' ', '-'));
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }
}
