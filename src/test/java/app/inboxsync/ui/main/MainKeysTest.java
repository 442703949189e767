package app.inboxsync.ui.main;

import app.inboxsync.ui.FxWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The window's keys, pressed for real: Esc cancels unless a field has the focus, Ctrl+Q quits, F1 shows the sheet. */
@ExtendWith(ApplicationExtension.class)
class MainKeysTest {
    private final List<String> done = new ArrayList<>();
    private TextField search;
    private Button button;

    @Start
    void start(Stage stage) {
        search = new TextField();
        search.setId("search");
        button = new Button("Sync");
        button.setId("button");
        Scene scene = new Scene(new VBox(search, button), 400, 200);
        MainKeys.install(scene, new MainKeys.Commands(() -> done.add("sync"), () -> done.add("sync all"), () -> {
            done.add("cancel");
            return true;
        }, () -> done.add("quit")));
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void escapeCancelsButNotWhileTypingInAField(FxRobot robot) {
        robot.clickOn("#search").write("bread").type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(done.isEmpty(), "Esc in the search is the search's: " + done);

        robot.interact(button::requestFocus);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("cancel"), done);

        robot.press(KeyCode.CONTROL).type(KeyCode.Q).release(KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("cancel", "quit"), done);
    }

    @Test
    void f1ShowsEveryShortcutAndAQuestionMarkInTheSearchIsText(FxRobot robot) throws Exception {
        robot.clickOn("#search").write("why?");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("why?", search.getText());
        assertTrue(robot.lookup("#shortcuts-sheet").tryQuery().isEmpty(), "typing ? opens nothing");

        robot.interact(button::requestFocus);
        robot.type(KeyCode.F1);
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#shortcuts-sheet").tryQuery().isPresent());
        for (Shortcut s : Shortcut.values()) {
            assertTrue(robot.lookup(s.what()).tryQuery().isPresent(), "the sheet lists " + s);
        }
    }
}
