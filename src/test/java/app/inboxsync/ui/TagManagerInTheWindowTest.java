package app.inboxsync.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Secret;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.TagCatalog;
import app.inboxsync.sync.CancelSignal;
import app.inboxsync.sync.PageAccess;
import app.inboxsync.sync.SyncListener;
import app.inboxsync.sync.SyncRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
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

/** The tag manager in the real window: each tag with its count; rename and delete (after a question with the count). */
@ExtendWith(ApplicationExtension.class)
class TagManagerInTheWindowTest {
    private static DesktopFixture fx;
    private static SimPage page;
    private static List<String> three;

    /** The world is made before the window (heavy work in {@code @Start} can outlast TestFX's set-up timeout on a busy machine). */
    @BeforeAll
    static void world() {
        fx = new DesktopFixture(SimulatorConfig.small(31).withPages(1).withConversations(20).withLongShare(0)).withPages();
        page = fx.page(0);
        var results = fx.app.sync(List.of(new SyncRequest(new PageAccess(page.id(), Secret.of(page.token())), null, false)),
                SyncListener.NONE, 1, new CancelSignal());
        assertTrue(results.get(0).succeeded(), results.toString());
        three = fx.sim.conversations(page.id()).subList(0, 3).stream().map(c -> c.id()).toList();
        fx.app.tags().add(three, "vip");
        fx.app.tags().add(three.subList(0, 1), "refund");
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
    void renameAndDeleteWithTheCountOfConversations(FxRobot robot) throws Exception {
        DrawnTable.openTab(robot);
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> DrawnTable.rows(robot).size() > 3);
        robot.clickOn("#manageTagsButton");
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> drawnTags(robot).equals(List.of("refund on 1 conversation", "vip on 3 conversations")));

        robot.clickOn(robot.lookup("#tagList .list-cell").nth(1).queryAs(Node.class)); // vip
        robot.doubleClickOn("#tagNameField").eraseText(3).write("VIP customers");
        robot.clickOn("#renameTagButton");
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> drawnTags(robot).equals(List.of("refund on 1 conversation", "VIP customers on 3 conversations")));
        assertEquals(3, fx.app.browse().count(ConversationFilter.page(page.id()).withTag("VIP customers")));
        // the table's chips follow
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".conversations-table .tag-chip").queryAllAs(Label.class)
                .stream().filter(Node::isVisible).map(Label::getText).filter("VIP customers"::equals).count() == 3);

        robot.clickOn("#deleteTagButton");
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#deleteTagQuestion").tryQuery().isPresent());
        DialogPane question = robot.lookup("#deleteTagQuestion").queryAs(DialogPane.class);
        assertTrue(question.getContentText().contains("taken off 3 conversations"), question.getContentText());
        robot.clickOn("Delete");
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> drawnTags(robot).equals(List.of("refund on 1 conversation")));
        assertEquals(0, fx.app.browse().count(ConversationFilter.page(page.id()).withTag("VIP customers")));
        assertEquals(List.of(new TagCatalog.Tag("refund", null, 1)), new app.inboxsync.store.read.TagCatalogQueries(fx.app.database()).all());

        // a new tag, made before any conversation carries it, is offered in the tag box
        robot.clickOn("#tagList").type(KeyCode.ESCAPE);
        robot.clickOn("#tagNameField").eraseText(20).write("Wholesale").type(KeyCode.ENTER);
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> drawnTags(robot).contains("Wholesale on no conversation"));
    }

    /** Each line of the manager's list as drawn: the chip's name and its use. */
    @SuppressWarnings("unchecked")
    private static List<String> drawnTags(FxRobot robot) {
        ListView<TagCatalog.Tag> list = robot.lookup("#tagList").queryAs(ListView.class);
        return list.lookupAll(".list-cell").stream().map(n -> (javafx.scene.control.ListCell<?>) n)
                .filter(c -> !c.isEmpty() && c.getGraphic() != null)
                .map(c -> c.getGraphic().lookupAll(".label").stream().map(l -> ((Label) l).getText())
                        .reduce((a, b) -> a + " " + b).orElse(""))
                .toList();
    }
}
