package app.inboxsync.ui.main;

import app.inboxsync.domain.SyncMode;
import app.inboxsync.ui.sync.PageProgress;
import app.inboxsync.ui.sync.RunState;
import app.inboxsync.ui.sync.RunStateCell;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;

/** "Syncs": one live row per Page synced since the app started (count, mode, state), as "Sync all" runs them. */
final class LiveTable {
    private LiveTable() {
    }

    static void configure(TableView<PageProgress> table) {
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().setAll(List.of(
                column("Page", 160, PageProgress::pageName),
                stateColumn(),
                column("Mode", 110, p -> p.mode() == null ? "" : p.mode() == SyncMode.FULL ? "Full" : "Incremental"),
                // wide enough for the bold headers of the theme, never "Conversa…"
                column("Conversations", 130, PageProgress::seen),
                column("Inserted", 90, PageProgress::inserted),
                column("Updated", 90, PageProgress::updated),
                column("API calls", 90, PageProgress::apiCalls),
                column("Note", 200, p -> p.message() == null ? "" : p.message())));
    }

    /**
     * Builds the table's first cells as soon as it is on screen, before anyone presses Sync: in software rendering
     * the first row of a TableView (cell skins, their styles) took 130-150 ms, the window's longest stall in a
     * whole sync, and it fell in the frame right after the click. Nothing is shown: the row is laid out and
     * removed in one FX turn, and the cells wait in the table's pile for the first real row.
     */
    static void prepareCells(TableView<PageProgress> table) {
        table.sceneProperty().addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> o, Scene was, Scene scene) {
                if (scene == null) {
                    return;
                }
                table.sceneProperty().removeListener(this);
                Platform.runLater(() -> {
                    if (table.getItems().isEmpty()) {
                        table.getItems().setAll(PageProgress.queued("", ""));
                        table.applyCss();
                        table.layout();
                        table.getItems().clear();
                    }
                });
            }
        });
    }

    static void show(TableView<PageProgress> table, Map<String, PageProgress> live) {
        update(table.getItems(), sorted(live));
    }

    /** The rows in the table's order: by Page name, so a row keeps its place while its sync moves. */
    static List<PageProgress> sorted(Map<String, PageProgress> live) {
        return live.values().stream()
                .sorted(Comparator.comparing(p -> p.pageName() == null ? p.pageId() : p.pageName().toLowerCase(Locale.ROOT)))
                .toList();
    }

    /**
     * Makes {@code shown} equal {@code wanted} by replacing only the rows that changed (and adding or removing at
     * the end): with 20 Pages syncing, one refresh redraws the rows that moved, not all 20 (a {@code setAll}
     * rebuilt every row's cells and lost the selection and the scroll position).
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

    private static TableColumn<PageProgress, RunState> stateColumn() {
        TableColumn<PageProgress, RunState> c = column("State", 120, p -> RunState.of(p.phase()));
        c.setCellFactory(col -> new RunStateCell<>());
        return c;
    }

    private static <T> TableColumn<PageProgress, T> column(String title, double width, Function<PageProgress, T> value) {
        TableColumn<PageProgress, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        // the words fit at 1280×800 ("Incremental", "Cancelled"): the Note column gives way, not these
        c.setMinWidth("Note".equals(title) ? 100 : width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }
}
