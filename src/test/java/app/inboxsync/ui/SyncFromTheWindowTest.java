package app.inboxsync.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.read.SyncRunRow;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.sync.RunOutcome.RunStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Press Sync in the real window: the live counter rises, a toast per batch, then the summary card from sync_runs. */
@ExtendWith(ApplicationExtension.class)
class SyncFromTheWindowTest {
    private static final Pattern COUNTER = Pattern.compile("Syncing… \\((\\d+)\\)");
    private DesktopFixture fx;
    private final List<String> buttonTexts = new CopyOnWriteArrayList<>();
    private final List<String> toastTexts = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        // 1 Page, 300 conversations in batches of up to 100, each Graph call taking 1.1 s: batches are more than
        // the toast spacing (1 s) apart, so every batch gets its own toast.
        fx = new DesktopFixture(SimulatorConfig.small(7).withPages(1).withConversations(300)
                .withLongShare(0).withLatency(Duration.ofMillis(1100))).withPages();
        fx.show(stage);
        fx.ui.toasts().getChildren().addListener((ListChangeListener<Node>) change -> {
            while (change.next()) {
                for (Node added : change.getAddedSubList()) {
                    toastTexts.add(((Label) added.lookup(".toast-text")).getText());
                }
            }
        });
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void syncShowsALiveCounterAToastPerBatchAndTheSummaryOfTheRun(FxRobot robot) throws Exception {
        SimPage page = fx.page(0);
        Button sync = robot.lookup("#syncButton").queryButton();
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".page-cell .page-name").queryAll().size() == 1);
        sync.textProperty().addListener((o, was, now) -> buttonTexts.add(now));

        // looked up once: a lookup from the test thread walks children the FX thread is adding and removing (toasts)
        javafx.scene.control.Labeled headline = robot.lookup("#summaryHeadline").queryLabeled();
        robot.clickOn(sync);
        FxWait.waitFor(90, TimeUnit.SECONDS, () -> "Sync".equals(sync.getText()) && !buttonTexts.isEmpty()
                && headline.getText().startsWith("Inserted")
                && toastTexts.stream().anyMatch(t -> t.startsWith("Sync complete")));

        List<Integer> counts = new ArrayList<>();
        for (String text : buttonTexts) {
            Matcher m = COUNTER.matcher(text);
            if (m.matches()) {
                counts.add(Integer.parseInt(m.group(1)));
            }
        }
        assertTrue(counts.stream().distinct().count() >= 3, "the counter rose live: " + buttonTexts);
        for (int i = 1; i < counts.size(); i++) {
            assertTrue(counts.get(i) >= counts.get(i - 1), "the counter never goes back: " + counts);
        }

        SyncRunRow run = fx.app.runs().recent(page.id(), 1).get(0);
        assertEquals(RunStatus.SUCCEEDED, run.status());
        assertEquals(300, run.conversationsInserted());
        List<String> batchToasts = toastTexts.stream().filter(t -> t.startsWith("Batch ")).toList();
        assertTrue(batchToasts.size() >= 3, "300 conversations come in at least 3 batches: " + toastTexts);
        for (int i = 0; i < batchToasts.size(); i++) {
            assertTrue(batchToasts.get(i).matches("Batch " + (i + 1) + " complete — synced \\d+ conversations so far…"),
                    "one toast per batch, in order: " + batchToasts);
        }
        // (a last batch that ends less than a second before the sync does is said by the "Sync complete" toast)
        assertTrue(toastTexts.contains("Sync complete — Inserted 300 • Updated 0 • Total touched 300"), toastTexts.toString());

        assertEquals("Last sync (" + page.name() + ")", robot.lookup("#summaryTitle").queryLabeled().getText());
        assertEquals("Inserted " + run.conversationsInserted() + " • Updated " + run.conversationsUpdated()
                        + " • Total touched " + (run.conversationsInserted() + run.conversationsUpdated()) + " · a few seconds ago",
                robot.lookup("#summaryHeadline").queryLabeled().getText());
        assertTrue(robot.lookup("#summaryDetails").queryLabeled().getText().contains(run.apiCalls() + " API calls"));

        // the sidebar follows too: the Page's cell stops saying "Never synced"
        FxWait.waitFor(10, TimeUnit.SECONDS,
                () -> robot.lookup(".page-cell .page-status").queryLabeled().getText().startsWith("Synced "));
        // (then what Facebook withholds: the simulator gives some old messages without their details)
        String status = robot.lookup(".page-cell .page-status").queryLabeled().getText();
        assertTrue(status.contains(" · 300 conversations") && !status.contains("pending"), status);
    }
}
