package app.inboxsync.ui;

import app.inboxsync.sync.RunOutcome.RunStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Secret;
import app.inboxsync.simulator.SimConversation;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.store.read.ContactQueries;
import app.inboxsync.sync.CancelSignal;
import app.inboxsync.sync.PageAccess;
import app.inboxsync.sync.SyncListener;
import app.inboxsync.sync.SyncRequest;
import app.inboxsync.ui.conversations.ConversationItem;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
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
 * Notes in the real window: typed into the contact panel, saved without a button, still there after a re-sync
 * with the simulator (the conversation rewritten), and found by the search box.
 */
@ExtendWith(ApplicationExtension.class)
class NotesInTheWindowTest {
    private static final String NOTE = "Wants the blue teapot set; call back after Tuesday";
    private static DesktopFixture fx;
    private static SimPage page;

    /** The world is made before the window (heavy work in {@code @Start} can outlast TestFX's set-up timeout on a busy machine). */
    @BeforeAll
    static void world() {
        fx = new DesktopFixture(SimulatorConfig.small(29).withPages(1).withConversations(30).withLongShare(0)).withPages();
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
    void aNoteTypedIsSavedSurvivesAReSyncAndIsFound(FxRobot robot) throws Exception {
        DrawnTable.openTab(robot);
        TableView<ConversationItem> table = DrawnTable.table(robot);
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> DrawnTable.rows(robot).size() > 3);
        var row = DrawnTable.rows(robot).get(2);
        String id = row.getItem().row().conversationId();
        robot.clickOn(row);
        TextArea notes = robot.lookup("#notesField").queryAs(TextArea.class);
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> !notes.isDisabled());
        robot.clickOn(notes).write(NOTE);
        ContactQueries contacts = new ContactQueries(fx.app.database());
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> NOTE.equals(contacts.facts(id).orElseThrow().notes()));
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> "Saved".equals(robot.lookup("#notesStatus").queryLabeled().getText()));

        // the customer writes again; a sync from the window rewrites the conversation
        SimConversation target = fx.sim.conversations(page.id()).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
        fx.sim.addMessage(target.id(), true, "Is the teapot back?");
        robot.clickOn("#syncButton");
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> fx.app.runs().recent(page.id(), 5).size() == 2
                && fx.app.runs().recent(page.id(), 1).get(0).status() == RunStatus.SUCCEEDED);
        assertEquals(NOTE, contacts.facts(id).orElseThrow().notes(), "the sync left the note alone");

        // the search box finds the conversation by a word that is only in the note; the panel shows the note
        robot.clickOn("#searchField").write("teapot call").type(KeyCode.ENTER);
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> DrawnTable.rows(robot).size() == 1
                && DrawnTable.rows(robot).get(0).getItem().row().conversationId().equals(id));
        robot.clickOn(DrawnTable.rows(robot).get(0));
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> Objects.equals(NOTE, notes.getText()));
        assertEquals(1, table.getItems().size());
    }
}
