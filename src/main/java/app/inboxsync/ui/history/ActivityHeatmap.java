package app.inboxsync.ui.history;

import app.inboxsync.read.WeeklyActivity;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Locale;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/**
 * Seven rows (Monday to Sunday) of 24 hour cells, each shaded by how many customer messages came in that hour
 * of the week; the tooltip gives the exact count. 168 plain regions: cheap to redraw on every refresh.
 */
public final class ActivityHeatmap extends GridPane {
    private final Region[][] cells = new Region[7][24];
    private final Tooltip[][] tips = new Tooltip[7][24];

    public ActivityHeatmap() {
        getStyleClass().add("activity-heatmap");
        setHgap(2);
        setVgap(2);
        getColumnConstraints().add(new ColumnConstraints(40));
        for (int hour = 0; hour < 24; hour++) {
            ColumnConstraints c = new ColumnConstraints(14, 26, Double.MAX_VALUE);
            c.setHgrow(Priority.ALWAYS);
            c.setHalignment(HPos.CENTER);
            getColumnConstraints().add(c);
            if (hour % 3 == 0) {
                Label h = new Label(String.format(Locale.ROOT, "%02d", hour));
                h.getStyleClass().add("heat-hour");
                add(h, hour + 1, 0);
            }
        }
        for (DayOfWeek day : DayOfWeek.values()) {
            int row = day.getValue() - 1;
            Label name = new Label(day.getDisplayName(TextStyle.SHORT, Locale.getDefault()));
            name.getStyleClass().add("heat-day");
            add(name, 0, row + 1);
            for (int hour = 0; hour < 24; hour++) {
                Region cell = new Region();
                cell.getStyleClass().add("heat-cell");
                cell.setMinSize(14, 18);
                cell.setPrefSize(26, 22);
                cell.setMaxWidth(Double.MAX_VALUE);
                Tooltip tip = new Tooltip();
                Tooltip.install(cell, tip);
                cells[row][hour] = cell;
                tips[row][hour] = tip;
                add(cell, hour + 1, row + 1);
            }
        }
        show(WeeklyActivity.empty());
    }

    public void show(WeeklyActivity activity) {
        long max = activity.max();
        for (DayOfWeek day : DayOfWeek.values()) {
            for (int hour = 0; hour < 24; hour++) {
                long n = activity.count(day, hour);
                Region cell = cells[day.getValue() - 1][hour];
                // The theme's subtle background under an accent layer whose opacity carries the count, so the
                // shading reads in the light and the dark theme alike.
                cell.setStyle("-fx-background-color: -color-bg-subtle, " + accent(HistoryViewModel.shade(n, max))
                        + "; -fx-background-radius: 3;");
                cell.getProperties().put("count", n);
                tips[day.getValue() - 1][hour].setText(tooltip(day, hour, n));
            }
        }
    }

    private static String accent(double alpha) {
        return String.format(Locale.ROOT, "rgba(31, 111, 235, %.3f)", alpha);
    }

    /** "Tuesday 14:00–15:00: 12 customer messages". */
    static String tooltip(DayOfWeek day, int hour, long count) {
        return String.format(Locale.ROOT, "%s %02d:00–%02d:00: %d customer message%s",
                day.getDisplayName(TextStyle.FULL, Locale.getDefault()), hour, hour + 1,
                count, count == 1 ? "" : "s");
    }
}
