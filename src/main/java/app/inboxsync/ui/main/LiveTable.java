package app.inboxsync.ui.main;

import app.inboxsync.ui.sync.PageProgress;
import app.inboxsync.ui.sync.RunState;
import app.inboxsync.ui.sync.RunStateCell;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/**
 * "Syncs": one live row per Page synced since the app started (count, mode, state), as "Sync all" runs them. Each
 * Page keeps its {@link LiveRow} and the row its cells: a refresh sets the values that moved, and the table's list
 * changes only when a Page joins (then in one change, however many joined).
 */
final class LiveTable {
    private final TableView<LiveRow> table;
    private final Map<String, LiveRow> rows = new HashMap<>();

    LiveTable(TableView<LiveRow> table) {
        this.table = table;
        configure(table);
        prepareCells(table);
    }

    private static void configure(TableView<LiveRow> table) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("Page", 160, LiveRow::page),
                stateColumn(),
                column("Mode", 110, LiveRow::mode),
                // wide enough for the bold headers of the theme, never "Conversa…"
                column("Conversations", 130, LiveRow::seen),
                column("Inserted", 90, LiveRow::inserted),
                column("Updated", 90, LiveRow::updated),
                column("API calls", 90, LiveRow::apiCalls),
                column("Note", 200, LiveRow::note)));
    }

    /**
     * Builds the table's first cells as soon as it is on screen, before anyone presses Sync: in software rendering
     * the first row of a TableView (cell skins, their styles) took 130-150 ms, the window's longest stall in a
     * whole sync, and it fell in the frame right after the click. Nothing is shown: the row is laid out and
     * removed in one FX turn, and the cells wait in the table's pile for the first real row. The row's height,
     * measured then, becomes every row's: the table no longer measures rows to guess its length (200 Pages).
     */
    private static void prepareCells(TableView<LiveRow> table) {
        table.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> o, Scene was, Scene scene) {
                if (scene == null) {
                    return;
                }
                table.sceneProperty().removeListener(this);
                Platform.runLater(() -> {
                    if (table.getItems().isEmpty()) {
                        table.getItems().setAll(new LiveRow(PageProgress.queued("", "")));
                        table.applyCss();
                        table.layout();
                        Node row = table.lookup(".table-row-cell");
                        double height = row == null ? 0 : row.getLayoutBounds().getHeight();
                        if (height >= 16 && height <= 64) {
                            table.setFixedCellSize(height);
                        }
                        table.getItems().clear();
                    }
                });
            }
        });
    }

    /** Shows the board's snapshot: new Pages join the rows (in name order), the others redraw what moved. */
    void show(Map<String, PageProgress> live) {
        boolean joined = false;
        for (PageProgress p : live.values()) {
            LiveRow row = rows.get(p.pageId());
            if (row == null) {
                rows.put(p.pageId(), new LiveRow(p));
                joined = true;
            } else {
                row.show(p);
            }
        }
        joined |= rows.keySet().retainAll(live.keySet());
        if (joined || table.getItems().size() != rows.size()) {
            update(table.getItems(), sorted(rows.values()));
        }
    }

    /** The rows in the table's order: by Page name, so a row keeps its place while its sync moves. */
    static List<LiveRow> sorted(java.util.Collection<LiveRow> rows) {
        return rows.stream().sorted(Comparator.comparing((LiveRow r) -> r.page().get().toLowerCase(Locale.ROOT))
                .thenComparing(LiveRow::pageId)).toList();
    }

    /**
     * Makes {@code shown} equal {@code wanted} by replacing only the rows that changed (and adding or removing at
     * the end): rows are kept by Page, so when a Page joins only the rows after it move.
     */
    static <T> void update(List<T> shown, List<T> wanted) {
        int kept = Math.min(shown.size(), wanted.size());
        for (int i = 0; i < kept; i++) {
            T row = wanted.get(i);
            if (!shown.get(i).equals(row)) {
                shown.set(i, row);
            }
        }
        if (wanted.size() > kept) {
            // one change for all the new rows: Sync all of 200 Pages adds 200 at once, not one event (and layout) each
            shown.addAll(wanted.subList(kept, wanted.size()));
        }
        if (shown.size() > wanted.size()) {
            shown.subList(wanted.size(), shown.size()).clear();
        }
    }

    private static TableColumn<LiveRow, RunState> stateColumn() {
        TableColumn<LiveRow, RunState> c = column("State", 120, LiveRow::state);
        c.setCellFactory(col -> new RunStateCell<>());
        return c;
    }

    private static <T> TableColumn<LiveRow, T> column(String title, double width,
                                                      Function<LiveRow, ObservableValue<T>> value) {
        TableColumn<LiveRow, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        // the words fit at 1280×800 ("Incremental", "Cancelled"): the Note column gives way, not these
        c.setMinWidth("Note".equals(title) ? 100 : width);
        c.setCellValueFactory(cell -> value.apply(cell.getValue()));
        c.setSortable(false);
        return c;
    }
}
