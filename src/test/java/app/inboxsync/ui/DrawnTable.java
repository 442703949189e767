package app.inboxsync.ui;

import app.inboxsync.ui.conversations.ConversationItem;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** What the Conversations tab's table draws, read off its cells (not its view model). */
final class DrawnTable {
    private DrawnTable() {
    }

    /** Waits for the Page in the sidebar, then Ctrl+F: the tab comes forward with the cursor in its search field. */
    static void openTab(FxRobot robot) throws Exception {
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".page-cell .page-name").queryAll().size() == 1);
        robot.push(KeyCode.CONTROL, KeyCode.F);
        FxWait.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#searchField").query().isFocused());
    }

    @SuppressWarnings("unchecked")
    static TableView<ConversationItem> table(FxRobot robot) {
        return robot.lookup(".conversations-table").queryAs(TableView.class);
    }

    /** The table's rows that are drawn with a loaded conversation in them (a virtual flow keeps empty rows around). */
    static List<TableRow<ConversationItem>> rows(FxRobot robot) {
        return robot.lookup(".conversations-table .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> !r.isEmpty() && r.getItem() != null && r.isVisible()
                        && ((ConversationItem) r.getItem()).row() != null)
                .<TableRow<ConversationItem>>map(r -> (TableRow<ConversationItem>) r)
                .sorted(java.util.Comparator.comparingInt(r -> r.getIndex())).toList();
    }

    static TableCell<?, ?> cell(TableRow<?> row, String column) {
        return row.lookupAll(".table-cell").stream().map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() != null && column.equals(c.getTableColumn().getText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + column + " cell drawn"));
    }

    /** The text drawn in the row's cell of the column titled {@code column}. */
    static String text(TableRow<?> row, String column) {
        return ((Labeled) cell(row, column)).getText();
    }

    static boolean bold(TableRow<?> row, String column) {
        return cell(row, column).getFont().getStyle().toLowerCase(java.util.Locale.ROOT).contains("bold");
    }
}
