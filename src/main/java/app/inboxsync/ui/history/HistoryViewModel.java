package app.inboxsync.ui.history;

import app.inboxsync.read.SyncRunRow;
import app.inboxsync.read.WeeklyActivity;
import app.inboxsync.ui.sync.CountWords;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the History tab shows: the runs (newest first), the last runs as chart points (oldest first, as time
 * reads left to right) and when customers write. The controller loads rows off the FX thread and hands them here.
 */
public final class HistoryViewModel {
    /** How many runs the table lists. */
    public static final int RUNS_LISTED = 200;
    /** How many of the newest runs the charts show: more would squeeze the bars into lines. */
    public static final int RUNS_CHARTED = 30;

    public enum Scope { SELECTED_PAGE, ALL_PAGES }

    private final ZoneId zone;
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.SELECTED_PAGE);
    private final ObservableList<RunLine> runs = FXCollections.observableArrayList();
    private final ObservableList<RunPoint> points = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<WeeklyActivity> activity = new ReadOnlyObjectWrapper<>(WeeklyActivity.empty());
    private final ReadOnlyStringWrapper activityTitle = new ReadOnlyStringWrapper("");

    public HistoryViewModel(ZoneId zone) {
        this.zone = zone;
    }

    public ZoneId zone() {
        return zone;
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    /** The Page to ask about: the selected one, or null for all (also when none is selected). */
    public String pageToShow(String selectedPageId) {
        return scope.get() == Scope.ALL_PAGES ? null : selectedPageId;
    }

    public ObservableList<RunLine> runs() {
        return runs;
    }

    public ObservableList<RunPoint> points() {
        return points;
    }

    public ReadOnlyObjectProperty<WeeklyActivity> activityProperty() {
        return activity.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty activityTitleProperty() {
        return activityTitle.getReadOnlyProperty();
    }

    /**
     * @param newestFirst as {@code sync_runs} lists them; {@code pageNames} gives a Page's name from its id
     * @param numbers     each run's number among its Page's runs, by run id (missing: not numbered)
     */
    public void showRuns(List<SyncRunRow> newestFirst, Function<String, String> pageNames, Map<Long, Integer> numbers) {
        List<RunLine> lines = newestFirst.stream()
                .map(r -> RunLine.of(r, numbers.getOrDefault(r.id(), 0), pageNames.apply(r.pageId()), zone)).toList();
        if (!lines.equals(runs)) {
            runs.setAll(lines);
        }
        List<RunPoint> charted = new ArrayList<>(newestFirst.stream().limit(RUNS_CHARTED)
                .map(r -> RunPoint.of(r, pageNames.apply(r.pageId()), numbers.getOrDefault(r.id(), 0))).toList());
        Collections.reverse(charted);
        if (!charted.equals(points)) {
            points.setAll(charted);
        }
    }

    /** @param pageName null when the counts are of every Page */
    public void showActivity(WeeklyActivity counted, String pageName) {
        activity.set(counted);
        String whose = pageName == null ? "all Pages" : pageName;
        activityTitle.set(counted.total() == 0
                ? "When customers write (" + whose + "): no customer messages stored yet."
                : "When customers write (" + whose + "): " + CountWords.count(counted.total(), "customer message")
                        + " by weekday and hour, "
                        + "in your time zone (" + zone.getId() + ").");
    }

    /**
     * How strongly a cell is shaded: nothing for none, then from a faint 0.15 (so one message still shows) to
     * 1 for the busiest hour of the week.
     */
    public static double shade(long count, long max) {
        if (count <= 0 || max <= 0) {
            return 0;
        }
        return 0.15 + 0.85 * Math.min(1.0, (double) count / max);
    }
}
