package app.inboxsync.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Secret;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.sync.CancelSignal;
import app.inboxsync.sync.PageAccess;
import app.inboxsync.sync.SyncListener;
import app.inboxsync.sync.SyncRequest;
import app.inboxsync.ui.conversations.ConversationItem;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The keyboard in the real window: Esc clears the search, ↓ goes from the search into the list and moves through
 * it, Enter in the tag box tags the selection, F1 opens the shortcuts sheet; and the contact panel follows.
 */
@ExtendWith(ApplicationExtension.class)
class KeyboardInTheWindowTest {
    private static DesktopFixture fx;
    private static SimPage page;

    @BeforeAll
    static void world() {
        fx = new DesktopFixture(SimulatorConfig.small(37).withPages(1).withConversations(25).withLongShare(0)).withPages();
        page = fx.page(0);
        var results = fx.app.sync(List.of(new SyncRequest(new PageAccess(page.id(), Secret.of(page.token())), null, false)),
                SyncListener.NONE, 1, new CancelSignal());
        assertTrue(results.get(0).succeeded(), results.toString());
    }

    @Start
    void start(Stage stage) {
        fx.show(stage);
    }

    @AfterEach
    void closeWindow() {
        fx.ui.close();
        fx.ui = null;
    }

    @AfterAll
    static void tearDown() {
        fx.close();
    }

    @Test
    void escClearsTheSearchArrowsMoveEnterTagsAndF1ShowsTheSheet(FxRobot robot) throws Exception {
        DrawnTable.openTab(robot);
        TableView<ConversationItem> table = DrawnTable.table(robot);
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 25);
        String someone = fx.sim.conversations(page.id()).get(3).customerName();
        String word = someone == null ? "Facebook" : someone.split(" ")[0];
        robot.write(word).type(KeyCode.ENTER);
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() < 25);

        robot.type(KeyCode.ESCAPE);
        TextField search = robot.lookup("#searchField").queryAs(TextField.class);
        assertEquals("", search.getText(), "Esc cleared the search field");
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 25);

        // ↓ from the search: into the list, on its first row; ↓ again: the second
        robot.clickOn(search).type(KeyCode.DOWN);
        FxWait.waitFor(5, TimeUnit.SECONDS, () -> table.isFocused() && table.getSelectionModel().getSelectedIndex() == 0);
        robot.type(KeyCode.DOWN);
        FxWait.waitFor(5, TimeUnit.SECONDS, () -> table.getSelectionModel().getSelectedIndex() == 1);
        var second = table.getItems().get(1).row();

        // the contact panel shows the conversation selected by the keyboard
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> second.senderId().equals(
                robot.lookup("#contactPsid").queryTextInputControl().getText())
                && robot.lookup("#contactCounts").queryLabeled().getText().contains("stored"));
        assertEquals(page.name(), robot.lookup("#contactPage").queryLabeled().getText());

        // Enter in the tag box puts the tag on the selection
        robot.clickOn("#tagChoice").write("Call back").type(KeyCode.ENTER);
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> fx.app.browse().count(
                ConversationFilter.page(page.id()).withTag("Call back")) == 1);
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".conversations-table .tag-chip").queryAllAs(Label.class)
                .stream().filter(Node::isVisible).map(Label::getText).toList().equals(List.of("Call back")));

        // F1: the shortcuts sheet; Esc closes it
        robot.clickOn(table).type(KeyCode.F1);
        FxWait.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#shortcutsSheet").tryQuery().isPresent());
        assertTrue(robot.lookup("#shortcutsSheet .label").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("Enter in the tag box")));
        robot.type(KeyCode.ESCAPE);
        FxWait.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#shortcutsSheet").tryQuery().isEmpty());
    }
}
