package app.inboxsync.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Secret;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.simulator.SimConversation;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.sync.CancelSignal;
import app.inboxsync.sync.PageAccess;
import app.inboxsync.sync.RunOutcome;
import app.inboxsync.sync.SyncListener;
import app.inboxsync.sync.SyncRequest;
import app.inboxsync.ui.conversations.ConversationItem;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Conversations tab in the real window, on a Page synced from the simulator into the embedded database.
 * Everything is read off what is drawn: the rows' cell texts, the tag chips, the thread's bubble texts.
 */
@ExtendWith(ApplicationExtension.class)
class ConversationsTabTest {
    private static final String PHRASE = "periwinkle umbrella";
    private DesktopFixture fx;
    private SimPage page;
    private SimConversation target;

    @Start
    void start(Stage stage) {
        fx = new DesktopFixture(SimulatorConfig.small(23).withPages(1).withConversations(40).withLongShare(0)).withPages();
        page = fx.page(0);
        // the phrase exists only inside one older message of one conversation, not in any name or snippet
        target = fx.sim.conversations(page.id()).get(17);
        fx.sim.addMessage(target.id(), true, "Did the " + PHRASE + " come back in stock?");
        fx.sim.addMessage(target.id(), false, "Yes, since Monday: https://shop.example.com/umbrellas");
        syncOnce();
        fx.show(stage);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void searchFindsAMessage(FxRobot robot) throws Exception {
        openTab(robot);
        TableView<ConversationItem> table = table(robot);
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 40);

        robot.write("Periwinkle UMBR").type(KeyCode.ENTER);
        awaitOneRow(robot, table);
        TableRow<?> row = drawnRows(robot).get(0);
        String sender = target.customerName() == null ? "Facebook user" : target.customerName();
        assertEquals(sender, cellText(row, "Sender"), "the row drawn is the conversation with the phrase");
        assertEquals("You: Yes, since Monday: https://shop.example.com/umbrellas", cellText(row, "Last message"),
                "the Page wrote the newest message");
        assertEquals("1 conversation", robot.lookup("#countLabel").queryLabeled().getText());

        robot.clickOn(row);
        // the newest messages, wherever the thread opens (the contact panel below it leaves room for a few bubbles)
        javafx.scene.control.ListView<?> thread = robot.lookup("#threadMessages").queryAs(javafx.scene.control.ListView.class);
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> thread.getItems().size() > 1);
        robot.interact(() -> thread.scrollTo(thread.getItems().size() - 2));
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> bubbleTexts(robot).contains("Did the " + PHRASE + " come back in stock?"));
        assertTrue(bubbleTexts(robot).contains("Yes, since Monday: https://shop.example.com/umbrellas"), bubbleTexts(robot).toString());
        assertEquals(List.of("https://shop.example.com/umbrellas"), robot.lookup("#threadMessages .bubble-link")
                .queryAllAs(Hyperlink.class).stream().filter(Node::isVisible).map(Hyperlink::getText).distinct().toList(),
                "the link is drawn as a link");
    }

    @Test
    void aTagSurvivesAReSync(FxRobot robot) throws Exception {
        openTab(robot);
        TableView<ConversationItem> table = table(robot);
        robot.write(PHRASE).type(KeyCode.ENTER);
        awaitOneRow(robot, table);
        assertEquals(List.of(), chipsDrawn(robot), "no tag yet");
        robot.clickOn(drawnRows(robot).get(0));
        robot.clickOn("#tagChoice").write("Follow up");
        robot.clickOn("#applyTagButton");
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> chipsDrawn(robot).equals(List.of("Follow up")));

        fx.sim.addMessage(target.id(), true, "Any news on my order?");
        robot.clickOn("#syncButton");
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> fx.app.runs().recent(page.id(), 5).size() == 2
                && fx.app.runs().recent(page.id(), 1).get(0).status() == RunOutcome.RunStatus.SUCCEEDED);
        // the sync rewrote the conversation (new snippet) and the tab reloaded: the tag is still there
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> drawnRows(robot).size() == 1
                && "Any news on my order?".equals(cellText(drawnRows(robot).get(0), "Last message")));
        assertEquals(List.of("Follow up"), chipsDrawn(robot));
        ConversationRow stored = fx.app.browse().window(ConversationFilter.page(page.id()).withTag("Follow up"),
                app.inboxsync.read.ConversationSort.NEWEST_FIRST, 0, 10).get(0);
        assertEquals(target.id(), stored.conversationId());
        assertEquals(List.of("Follow up"), stored.tags());
    }

    private static void awaitOneRow(FxRobot robot, TableView<ConversationItem> table) {
        try {
            FxWait.waitFor(20, TimeUnit.SECONDS, () -> drawnRows(robot).size() == 1
                    && !"…".equals(cellText(drawnRows(robot).get(0), "Sender")));
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("expected one row; the table has " + table.getItems().size() + ", the count says \""
                    + robot.lookup("#countLabel").queryLabeled().getText() + "\", the search field \""
                    + robot.lookup("#searchField").queryTextInputControl().getText() + "\"");
        }
    }

    private void syncOnce() {
        var results = fx.app.sync(List.of(new SyncRequest(new PageAccess(page.id(), Secret.of(page.token())), null, false)),
                SyncListener.NONE, 1, new CancelSignal());
        assertTrue(results.get(0).succeeded(), results.toString());
    }

    private static void openTab(FxRobot robot) throws Exception {
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".page-cell .page-name").queryAll().size() == 1);
        robot.push(KeyCode.CONTROL, KeyCode.F); // Ctrl+F: brings the tab forward with the cursor in its search field
        FxWait.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#searchField").query().isFocused());
    }

    @SuppressWarnings("unchecked")
    private static TableView<ConversationItem> table(FxRobot robot) {
        return robot.lookup(".conversations-table").queryAs(TableView.class);
    }

    /** The table's rows that are drawn with a conversation in them (a virtual flow keeps empty rows around). */
    private static List<TableRow<?>> drawnRows(FxRobot robot) {
        return robot.lookup(".conversations-table .table-row-cell").queryAllAs(TableRow.class).stream()
                .filter(r -> !r.isEmpty() && r.getItem() != null && r.isVisible()).<TableRow<?>>map(r -> r).toList();
    }

    /** The text drawn in the row's cell of the column titled {@code column}. */
    private static String cellText(TableRow<?> row, String column) {
        return row.lookupAll(".table-cell").stream().map(n -> (TableCell<?, ?>) n)
                .filter(c -> c.getTableColumn() != null && column.equals(c.getTableColumn().getText()))
                .map(Labeled::getText).findFirst().orElseThrow(() -> new AssertionError("no " + column + " cell drawn"));
    }

    /** The tag chips drawn in the table, in order. */
    private static List<String> chipsDrawn(FxRobot robot) {
        return robot.lookup(".conversations-table .tag-chip").queryAllAs(Label.class).stream()
                .filter(l -> l.isVisible() && l.getScene() != null && l.getParent() != null && l.getParent().isVisible())
                .map(Label::getText).toList();
    }

    /** Each bubble's text as drawn: its text runs and links, joined. */
    private static List<String> bubbleTexts(FxRobot robot) {
        return robot.lookup("#threadMessages .bubble-text").queryAllAs(TextFlow.class).stream().filter(Node::isVisible)
                .map(flow -> flow.getChildren().stream().map(n -> n instanceof Text t ? t.getText()
                        : n instanceof Hyperlink h ? h.getText() : "").collect(java.util.stream.Collectors.joining()))
                .toList();
    }
}
