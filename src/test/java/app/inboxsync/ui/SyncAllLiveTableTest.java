package app.inboxsync.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.read.SyncRunRow;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Sync all in the real window: the live table gets one row per Page when they join, in one change, and after that
 * its rows stay put while the syncs move; what the cells draw follows each Page to the figures sync_runs records.
 */
@ExtendWith(ApplicationExtension.class)
class SyncAllLiveTableTest {
    private DesktopFixture fx;

    @Start
    void start(Stage stage) {
        // each Graph call takes 0.3 s: the syncs run for a few refreshes of the window
        fx = new DesktopFixture(SimulatorConfig.small(11).withPages(3).withConversations(250).withLongShare(0)
                .withLatency(Duration.ofMillis(300))).withPages();
        fx.show(stage);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void rowsJoinOnceAndThenOnlyTheirCellsFollowTheSyncs(FxRobot robot) throws Exception {
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".page-cell .page-name").queryAll().size() == 3);
        @SuppressWarnings("unchecked")
        TableView<?> table = robot.lookup("#liveTable").queryAs(TableView.class);
        List<String> listChanges = new CopyOnWriteArrayList<>();
        robot.interact(() -> table.getItems().addListener((ListChangeListener<Object>) c -> {
            while (c.next()) {
                listChanges.add(c.wasReplaced() ? "replaced" : c.wasAdded() ? c.getAddedSize() + " added" : "removed");
            }
        }));

        robot.clickOn("#syncAllButton");
        FxWait.waitFor(90, TimeUnit.SECONDS, () -> drawnRows(robot).size() == 3
                && drawnRows(robot).stream().allMatch(r -> "Succeeded".equals(DrawnTable.text(r, "State"))));

        assertEquals(List.of("3 added"), listChanges, "the Pages joined in one change, and no row was replaced after");
        for (int i = 0; i < 3; i++) {
            SimPage page = fx.page(i);
            SyncRunRow run = fx.app.runs().recent(page.id(), 1).get(0);
            TableRow<?> row = drawnRows(robot).stream().filter(r -> page.name().equals(DrawnTable.text(r, "Page")))
                    .findFirst().orElseThrow(() -> new AssertionError("no row drawn for " + page.name()));
            assertEquals("Full", DrawnTable.text(row, "Mode"));
            assertEquals(String.valueOf(run.conversationsInserted()), DrawnTable.text(row, "Inserted"));
            assertEquals("250", DrawnTable.text(row, "Conversations"));
            assertEquals(String.valueOf(run.apiCalls()), DrawnTable.text(row, "API calls"));
        }
        List<String> names = drawnRows(robot).stream().map(r -> DrawnTable.text(r, "Page")).toList();
        assertEquals(names.stream().sorted(String.CASE_INSENSITIVE_ORDER).toList(), names, "rows in name order");
        // one toast for the round, not one per Page
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> !fx.ui.toasts().toasts().isEmpty());
        String title = ((Labeled) fx.ui.toasts().toasts().get(0).lookup(".toast-title")).getText();
        assertTrue(title.startsWith("3 Pages synced"), title);
    }

    private static List<TableRow<?>> drawnRows(FxRobot robot) {
        return robot.lookup("#liveTable .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> !r.isEmpty() && r.getItem() != null && r.isVisible())
                .<TableRow<?>>map(r -> (TableRow<?>) r)
                .sorted(java.util.Comparator.comparingInt(TableRow::getIndex)).toList();
    }
}
