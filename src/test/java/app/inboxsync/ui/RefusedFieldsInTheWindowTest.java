package app.inboxsync.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Text;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.MessageRow;
import app.inboxsync.simulator.Refusals;
import app.inboxsync.simulator.SimConversation;
import app.inboxsync.simulator.SimMessage;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.sync.RunOutcome;
import app.inboxsync.ui.conversations.ConversationItem;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.collections.ListChangeListener;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Labeled;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window synced from a Graph version that no longer gives message counts, unread counts, snippets or
 * the sticker field: the sync says so in toasts, the table shows copied counts and "unknown", the thread shows
 * stickers from the attachments.
 */
@ExtendWith(ApplicationExtension.class)
class RefusedFieldsInTheWindowTest {
    private DesktopFixture fx;
    private final List<String> toastTexts = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) {
        fx = new DesktopFixture(SimulatorConfig.small(61).withPages(1).withConversations(40).withLongShare(0)).withPages();
        fx.sim.refusals().refuseField(Refusals.Edge.CONVERSATIONS, "message_count");
        fx.sim.refusals().refuseField(Refusals.Edge.CONVERSATIONS, "unread_count");
        fx.sim.refusals().refuseField(Refusals.Edge.CONVERSATIONS, "snippet");
        fx.sim.refusals().refuseMessageField("sticker");
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
    void theWindowSaysWhatFacebookNoLongerGivesAndShowsTheFallbacks(FxRobot robot) throws Exception {
        SimPage page = fx.page(0);
        Button sync = robot.lookup("#syncButton").queryButton();
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".page-cell .page-name").queryAll().size() == 1);
        robot.clickOn(sync);
        FxWait.waitFor(90, TimeUnit.SECONDS, () -> toastTexts.stream().anyMatch(t -> t.startsWith("Sync complete")));
        assertEquals(RunOutcome.RunStatus.SUCCEEDED, fx.app.runs().recent(page.id(), 1).get(0).status());
        for (String gone : List.of("message counts", "unread counts", "conversation snippets", "the sticker field of messages")) {
            assertEquals(1, toastTexts.stream().filter(t -> t.startsWith("Facebook v25.0 no longer gives " + gone + ":")).count(),
                    "one toast says it: " + toastTexts);
        }

        robot.push(KeyCode.CONTROL, KeyCode.F);
        TableView<ConversationItem> table = table(robot);
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 40
                && table.getItems().stream().limit(5).allMatch(i -> i.row() != null));
        SimConversation newest = fx.sim.conversations(page.id()).get(0);
        ConversationRow row = table.getItems().get(0).row();
        assertEquals(newest.id(), row.conversationId());
        List<SimMessage> messages = fx.sim.messages(newest.id());
        assertEquals(messages.size() + " copied", shown(table, "Msgs", 0), "the messages copied stand in for the count");
        assertEquals("unknown", shown(table, "Unread", 0), "an unknown unread count is not 0");
        String newestText = Text.clean(messages.get(0).text());
        String drawnLast = DrawnTable.text(DrawnTable.rows(robot).get(0), "Last message");
        if (newestText == null || newestText.isEmpty()) {
            assertFalse(drawnLast.isEmpty(), "a newest message without text is described, or said to be unknown");
        } else {
            String you = page.id().equals(messages.get(0).fromId()) ? "You: " : "";
            assertEquals(you + newestText.replace('\n', ' ').strip(), drawnLast, "the newest message stands in for the snippet");
        }
        assertTrue(robot.lookup(".table-cell").queryAll().stream()
                .anyMatch(n -> n instanceof javafx.scene.control.Labeled l && "unknown".equals(l.getText())),
                "the table shows unknown in a cell");

        // a conversation with a sticker: the thread shows it from the attachments, the sticker field refused
        int index = -1;
        String stickerId = null;
        for (int i = 0; i < table.getItems().size() && stickerId == null; i++) {
            String id = fx.sim.conversations(page.id()).get(i).id();
            for (SimMessage m : fx.sim.messages(id)) {
                if (m.sticker() != null) {
                    index = i;
                    stickerId = m.id();
                    break;
                }
            }
        }
        assertTrue(stickerId != null, "the world has a sticker in its conversations");
        int rowIndex = index;
        robot.interact(() -> {
            table.scrollTo(rowIndex);
            table.getSelectionModel().clearAndSelect(rowIndex);
        });
        ListView<MessageRow> thread = robot.lookup("#threadMessages").queryListView();
        String wanted = stickerId;
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> thread.getItems().stream().anyMatch(m -> m.messageId().equals(wanted)));
        int at = thread.getItems().stream().map(MessageRow::messageId).toList().indexOf(wanted);
        robot.interact(() -> thread.scrollTo(at));
        // the window downloads its syncs' attachments: the sticker is Facebook's link until then, its thumbnail after
        // (or its state in words while it waits)
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".bubble-link").queryAll().stream()
                .anyMatch(n -> n instanceof Hyperlink h && h.getText().equals("Sticker"))
                || robot.lookup(".attachment-thumbnail").tryQuery().isPresent()
                || robot.lookup(".bubble-attachment").queryAll().stream()
                        .anyMatch(n -> n instanceof Labeled l && l.getText().startsWith("Sticker")));
    }

    private static String shown(TableView<ConversationItem> table, String title, int index) {
        for (TableColumn<ConversationItem, ?> c : table.getColumns()) {
            if (c.getText().equals(title)) {
                return String.valueOf(c.getCellObservableValue(index).getValue());
            }
        }
        throw new AssertionError("no column " + title);
    }

    @SuppressWarnings("unchecked")
    private static TableView<ConversationItem> table(FxRobot robot) {
        return robot.lookup(".conversations-table").queryAs(TableView.class);
    }
}
