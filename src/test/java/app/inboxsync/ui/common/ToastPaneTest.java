package app.inboxsync.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.SyncMode;
import app.inboxsync.sync.BatchWrite;
import app.inboxsync.sync.SyncEvent;
import app.inboxsync.ui.sync.SyncBoard;
import atlantafx.base.theme.PrimerLight;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Toasts drawn in a window: at most three, newest on top, the rest folded; a batch that changed nothing draws none. */
@ExtendWith(ApplicationExtension.class)
class ToastPaneTest {
    private static final Instant T0 = Instant.parse("2026-12-04T10:00:00Z");
    private ToastPane toasts;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        toasts = new ToastPane();
        StackPane root = new StackPane(toasts);
        root.getStylesheets().add(Fxml.stylesheet());
        stage.setScene(new Scene(root, 900, 700));
        stage.show();
    }

    @Test
    void manyToastsDrawThreeNewestOnTopAndFoldTheRest(FxRobot robot) {
        robot.interact(() -> {
            for (int i = 1; i <= 7; i++) {
                toasts.notify(new Toast(Toast.Kind.INFO, "Page " + i, "Sync complete"));
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> drawn = robot.lookup(".toast").queryAll().stream().filter(Node::isVisible).toList();
        assertEquals(3, drawn.size(), "at most three toasts on screen");
        assertEquals(List.of("Page 7", "Page 6", "Page 5"), titles(toasts.toasts()), "newest on top");
        Label more = robot.lookup(".toast-more").queryAs(Label.class);
        assertTrue(more.isVisible());
        assertEquals("and 4 more", more.getText());
        double moreY = more.localToScene(0, 0).getY();
        for (Node toast : drawn) {
            assertTrue(toast.localToScene(0, 0).getY() < moreY, "the fold line is beneath the toasts");
        }
    }

    @Test
    void aBatchThatChangedNothingDrawsNoToast(FxRobot robot) {
        SyncBoard board = new SyncBoard();
        board.on(new SyncEvent.Started("p1", "Bakery", SyncMode.INCREMENTAL, 1, 0));
        board.on(new SyncEvent.Progress("p1", 25, new BatchWrite(0, 0, 25, 0, 0), 1));
        board.on(new SyncEvent.BatchCompleted("p1", 1, 25, 25));
        robot.interact(() -> board.dueToasts(T0).forEach(toasts::notify));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup(".toast").queryAll().isEmpty(), "an empty batch is no news");
        assertTrue(!robot.lookup(".toast-more").queryAs(Label.class).isVisible());
    }

    @Test
    void aRoundOfPagesDrawsOneToast(FxRobot robot) {
        SyncBoard board = new SyncBoard();
        for (int i = 1; i <= 39; i++) {
            board.queued("p" + i, "Page " + i);
        }
        for (int i = 1; i <= 37; i++) {
            board.on(new SyncEvent.Completed("p" + i, SyncMode.FULL, new BatchWrite(1, 0, 0, 0, 0), 1, 1, 0,
                    Duration.ofSeconds(1), T0));
        }
        board.on(new SyncEvent.Failed("p38", app.inboxsync.sync.SyncResult.Status.FAILED, "Facebook refused the token."));
        board.on(new SyncEvent.Failed("p39", app.inboxsync.sync.SyncResult.Status.FAILED, "Facebook refused the token."));
        robot.interact(() -> board.dueToasts(T0).forEach(toasts::notify));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("37 Pages synced · 2 failed"), titles(toasts.toasts()));
    }

    private static List<String> titles(List<Node> nodes) {
        return nodes.stream().map(n -> ((Label) n.lookup(".toast-title")).getText()).toList();
    }
}
