package app.inboxsync.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Secret;
import app.inboxsync.domain.SyncMode;
import app.inboxsync.read.SyncRunRow;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.sync.CancelSignal;
import app.inboxsync.sync.PageAccess;
import app.inboxsync.sync.RunOutcome.RunStatus;
import app.inboxsync.sync.SyncListener;
import app.inboxsync.sync.SyncRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** "Reset &amp; full sync…" asks first; a refused token shows "Reconnect", and reconnecting makes syncs work again. */
@ExtendWith(ApplicationExtension.class)
class ResetAndReconnectTest {
    private DesktopFixture fx;
    private SimPage page;

    @Start
    void start(Stage stage) {
        fx = new DesktopFixture(SimulatorConfig.small(11).withPages(1).withConversations(80)).withPages();
        page = fx.page(0);
        // synced once already, so the Page has a watermark and its next plain sync would be incremental
        fx.app.sync(List.of(new SyncRequest(new PageAccess(page.id(), Secret.of(page.token())), null, false)),
                SyncListener.NONE, 1, new CancelSignal());
        fx.show(stage);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private List<SyncRunRow> runs() {
        return fx.app.runs().recent(page.id(), 10);
    }

    private void waitUntil(String what, java.util.concurrent.Callable<Boolean> condition) throws Exception {
        try {
            FxWait.waitFor(30, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what + "; the page says: "
                    + new FxRobot().lookup(".page-cell .page-status").queryLabeled().getText() + "; runs: " + runs(), e);
        }
    }

    @Test
    void resetAsksBeforeItRunsAFullSync(FxRobot robot) throws Exception {
        waitUntil("the page is listed", () -> !robot.lookup(".page-cell .page-name").queryAll().isEmpty());
        robot.clickOn("#resetButton");
        waitUntil("the confirmation shows", () -> robot.lookup("#reset-confirmation").tryQuery().isPresent());
        String explanation = robot.lookup("#reset-confirmation .content").queryLabeled().getText();
        assertTrue(explanation.contains("Graph calls"), "it says what it costs: " + explanation);
        assertTrue(explanation.contains("tags and notes are kept"), explanation);

        robot.type(KeyCode.ESCAPE);
        waitUntil("the confirmation closes", () -> robot.lookup("#reset-confirmation").tryQuery().isEmpty());
        // Esc must not have reset anything. A reset would already be under way or asked for, so the next plain
        // Sync shows it: wait for that sync, then look. (Looking right away would pass whatever Esc did.)
        robot.clickOn("#syncButton");
        waitUntil("the plain sync after Esc finished", () -> runs().size() >= 2 && runs().get(0).status() != RunStatus.RUNNING);
        assertEquals(2, runs().size(), "Esc cancels: only the plain sync ran: " + runs());
        assertEquals(SyncMode.INCREMENTAL, runs().get(0).mode(), "and it was not made full by a reset: " + runs());

        robot.clickOn("#resetButton");
        waitUntil("the confirmation shows again", () -> robot.lookup("#reset-confirmation").tryQuery().isPresent());
        robot.clickOn((Node) robot.lookup("#reset-confirmation .button").match((Button b) -> b.getText().equals("Reset & full sync")).query());

        waitUntil("the reset's run finished", () -> runs().size() == 3 && runs().get(0).status() != RunStatus.RUNNING);
        SyncRunRow reset = runs().get(0);
        assertEquals(SyncMode.FULL, reset.mode());
        assertEquals(RunStatus.SUCCEEDED, reset.status());
        waitUntil("the card shows it", () -> robot.lookup("#summaryDetails").queryLabeled().getText().startsWith("Full sync"));
    }

    @Test
    void aRefusedTokenShowsReconnectAndReconnectingFixesIt(FxRobot robot) throws Exception {
        waitUntil("the page is listed", () -> !robot.lookup(".page-cell .page-name").queryAll().isEmpty());
        fx.sim.revokeToken(page.id(), 460);

        robot.clickOn("#syncButton");
        waitUntil("the page says its token is invalid", () -> robot.lookup(".page-cell .page-status").queryLabeled().getText()
                .startsWith("Token invalid — Reconnect"));
        Button reconnect = robot.lookup(".reconnect-button").queryButton();
        assertTrue(reconnect.isVisible());
        waitUntil("a toast says what happened", () -> robot.lookup(".toast-text").queryAllAs(Labeled.class).stream()
                .anyMatch(l -> l.getText().contains("Reconnect the Page with a fresh token")));
        String visibleText = robot.lookup(".label").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(t -> t != null).collect(Collectors.joining("\n"));
        assertFalse(visibleText.contains("Exception") || visibleText.contains("\tat ") || visibleText.contains(page.token()),
                "no stack trace and no token on screen:\n" + visibleText);

        fx.sim.restoreToken(page.id());
        robot.clickOn(reconnect);
        waitUntil("the token dialog shows", () -> robot.lookup("#token-field").tryQuery().isPresent());
        robot.clickOn("#token-field").write(page.token());
        robot.type(KeyCode.ENTER);
        waitUntil("the page is valid again", () -> !robot.lookup(".page-cell .page-status").queryLabeled().getText()
                .startsWith("Token invalid"));
        assertTrue(fx.app.pages().findPage(page.id()).orElseThrow().tokenValid());

        robot.press(KeyCode.CONTROL).press(KeyCode.R).release(KeyCode.R).release(KeyCode.CONTROL);
        waitUntil("a sync after reconnecting succeeded", () -> runs().get(0).status() == RunStatus.SUCCEEDED && runs().size() == 3);
    }
}
