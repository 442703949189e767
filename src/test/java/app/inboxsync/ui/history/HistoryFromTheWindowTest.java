package app.inboxsync.ui.history;

import app.inboxsync.ui.FxWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.read.SyncRunRow;
import app.inboxsync.read.WeeklyActivity;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.ui.DesktopFixture;
import java.time.ZoneId;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Sync twice from the window; the History tab lists both runs, newest first, with the counts of sync_runs. */
@ExtendWith(ApplicationExtension.class)
class HistoryFromTheWindowTest {
    private DesktopFixture fx;

    @Start
    void start(Stage stage) {
        fx = new DesktopFixture(SimulatorConfig.small(11).withPages(1).withConversations(40).withLongShare(0)).withPages();
        fx.show(stage);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void historyShowsTheRunsOfSyncsMadeInTheWindow(FxRobot robot) throws Exception {
        SimPage page = fx.page(0);
        Button sync = robot.lookup("#syncButton").queryButton();
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".page-cell .page-name").queryAll().size() == 1);
        robot.clickOn("History");
        @SuppressWarnings("unchecked")
        TableView<RunLine> table = robot.lookup(".runs-table").queryAs(TableView.class);

        robot.clickOn(sync);
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 1 && !sync.isDisabled());
        fx.sim.addMessage(fx.sim.conversations(page.id()).get(3).id(), true, "one more question");
        robot.clickOn(sync);
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> table.getItems().size() == 2
                && !table.getItems().get(0).duration().isEmpty());

        List<SyncRunRow> runs = fx.app.runs().recent(page.id(), 10);
        assertEquals(2, runs.size());
        for (int i = 0; i < 2; i++) {
            SyncRunRow run = runs.get(i);
            RunLine line = table.getItems().get(i);
            assertEquals(run.id(), line.runId(), "newest first");
            assertEquals(2 - i, line.number(), "numbered among the Page's own runs");
            assertEquals(page.name(), line.page());
            assertEquals("Succeeded", line.status());
            assertEquals(run.conversationsInserted(), line.inserted());
            assertEquals(run.conversationsUpdated(), line.updated());
            assertEquals(run.conversationsUnchanged(), line.unchanged());
            assertEquals(run.messagesInserted(), line.messagesNew());
            assertEquals(run.apiCalls(), line.apiCalls());
        }
        assertEquals(List.of("Incremental", "Full"), table.getItems().stream().map(RunLine::mode).toList());
        assertEquals(40, table.getItems().get(1).inserted());
        assertEquals(1, table.getItems().get(0).updated(), "the conversation with the new message");

        @SuppressWarnings("unchecked")
        BarChart<String, Number> touched = robot.lookup("#touchedChart").queryAs(BarChart.class);
        assertEquals(List.of(40, 1), touched.getData().get(0).getData().stream().map(d -> d.getYValue().intValue()).toList(),
                "oldest run first");

        WeeklyActivity stored = fx.app.activity().customerMessagesByWeekdayHour(page.id(), ZoneId.systemDefault());
        assertTrue(stored.total() > 0);
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".section-title").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains(stored.total() + " customer messages")));
        long inCells = robot.lookup(".heat-cell").queryAll().stream().mapToLong(n -> (Long) n.getProperties().get("count")).sum();
        assertEquals(stored.total(), inCells, "every customer message is in one weekday × hour cell");
    }
}
