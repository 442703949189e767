package app.inboxsync.ui.main;

import app.inboxsync.domain.SyncMode;
import app.inboxsync.ui.sync.PageProgress;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
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
                column("State", 90, p -> state(p.phase())),
                column("Mode", 100, p -> p.mode() == null ? "" : p.mode() == SyncMode.FULL ? "Full" : "Incremental"),
                // wide enough for the bold headers of the theme, never "Conversa…"
                column("Conversations", 130, PageProgress::seen),
                column("Inserted", 90, PageProgress::inserted),
                column("Updated", 90, PageProgress::updated),
                column("API calls", 90, PageProgress::apiCalls),
                column("Note", 200, p -> p.message() == null ? "" : p.message())));
    }

    static void show(TableView<PageProgress> table, Map<String, PageProgress> live) {
        List<PageProgress> rows = live.values().stream()
                .sorted(Comparator.comparing(p -> p.pageName() == null ? p.pageId() : p.pageName().toLowerCase(Locale.ROOT)))
                .toList();
        if (!rows.equals(table.getItems())) {
            table.getItems().setAll(rows);
        }
    }

    private static String state(PageProgress.Phase phase) {
        String s = phase.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static <T> TableColumn<PageProgress, T> column(String title, double width, Function<PageProgress, T> value) {
        TableColumn<PageProgress, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }
}
