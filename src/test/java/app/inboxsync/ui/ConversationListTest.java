package app.inboxsync.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Secret;
import app.inboxsync.simulator.SimConversation;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.sync.CancelSignal;
import app.inboxsync.sync.PageAccess;
import app.inboxsync.sync.SyncListener;
import app.inboxsync.sync.SyncRequest;
import app.inboxsync.ui.conversations.ConversationItem;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.ComboBox;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
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
 * The list as drawn, on a Page synced from the simulator: unread rows in bold, "You:" before the Page's own last
 * message, a message without text described, folder names and the folder filter.
 */
@ExtendWith(ApplicationExtension.class)
class ConversationListTest {
    private static DesktopFixture fx;
    private static SimPage page;
    private static SimConversation answered;
    private static String attachmentOnly;

    /** The world is made before the window (heavy work in {@code @Start} can outlast TestFX's set-up timeout on a busy machine). */
    @BeforeAll
    static void world() throws Exception {
        fx = new DesktopFixture(SimulatorConfig.small(23).withPages(1).withConversations(40).withLongShare(0)).withPages();
        page = fx.page(0);
        answered = fx.sim.conversations(page.id()).get(11);
        fx.sim.addMessage(answered.id(), false, "We ship on Monday");
        var results = fx.app.sync(List.of(new SyncRequest(new PageAccess(page.id(), Secret.of(page.token())), null, false)),
                SyncListener.NONE, 1, new CancelSignal());
        assertTrue(results.get(0).succeeded(), results.toString());
        attachmentOnly = newestWithoutText();
        assertNotNull(attachmentOnly, "the simulator's world has a conversation whose newest message is only an attachment");
        fx.app.tags().add(List.of(attachmentOnly), "pictures");
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
    void unreadIsBoldThePagesOwnMessageSaysYouAndFoldersHaveNames(FxRobot robot) throws Exception {
        DrawnTable.openTab(robot);
        TableView<ConversationItem> table = DrawnTable.table(robot);
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 40 && DrawnTable.rows(robot).size() > 5);

        TableRow<ConversationItem> first = DrawnTable.rows(robot).get(0);
        assertEquals(answered.id(), first.getItem().row().conversationId(), "the newest conversation is drawn first");
        assertEquals("You: We ship on Monday", DrawnTable.text(first, "Last message"));
        int bold = 0;
        for (TableRow<ConversationItem> row : DrawnTable.rows(robot)) {
            ConversationRow r = row.getItem().row();
            boolean unread = r.unreadCount() != null && r.unreadCount() > 0;
            assertEquals(unread, DrawnTable.bold(row, "Sender"), "bold exactly when unread: " + r);
            assertEquals(unread, DrawnTable.bold(row, "Last message"), "the whole row: " + r);
            bold += unread ? 1 : 0;
            assertTrue(List.of("Inbox", "Done", "Other", "Spam").contains(DrawnTable.text(row, "Folder")), String.valueOf(r.folder()));
            assertFalse(DrawnTable.text(row, "Time").contains("…"), "a time drawn whole");
        }
        assertTrue(bold > 0, "some rows are unread in this world");

        robot.clickOn("#folder-spam");
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> DrawnTable.rows(robot).stream()
                .allMatch(r -> r.getItem().row().folder() == Folder.SPAM) && table.getItems().size() < 40);
        assertFalse(table.getColumns().stream().filter(c -> "Folder".equals(c.getText())).findFirst().orElseThrow()
                .isVisible(), "one folder shown: no folder column");
        robot.clickOn("#folder-all");
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == 40);
    }

    @Test
    void aMessageWithoutTextIsDescribed(FxRobot robot) throws Exception {
        DrawnTable.openTab(robot);
        @SuppressWarnings("unchecked")
        ComboBox<String> tagFilter = robot.lookup("#tagFilter").queryAs(ComboBox.class);
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> tagFilter.getItems().contains("pictures"));
        robot.interact(() -> tagFilter.setValue("pictures"));
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> DrawnTable.rows(robot).size() == 1);
        TableRow<ConversationItem> row = DrawnTable.rows(robot).get(0);
        assertEquals(attachmentOnly, row.getItem().row().conversationId());
        String drawn = DrawnTable.text(row, "Last message");
        String you = Boolean.TRUE.equals(row.getItem().row().lastFromPage()) ? "You: " : "";
        assertTrue(List.of("Photo", "GIF", "Video", "Voice message", "File", "Sticker", "Shared link").stream()
                .anyMatch(w -> drawn.equals(you + w)) || drawn.matches(you + "\\d+ (photos|files|videos|attachments)"), drawn);
        assertNotNull(((javafx.scene.control.Labeled) DrawnTable.cell(row, "Last message")).getGraphic(), "drawn with its icon");
    }

    /** A conversation whose newest stored message has no text but an attachment. */
    private static String newestWithoutText() throws Exception {
        try (Connection c = fx.app.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("""
                     SELECT c.conversation_id FROM messenger_conversations c
                      WHERE c.page_id = ? AND (SELECT coalesce(m.text, '') = '' AND m.attachments IS NOT NULL
                                                 FROM messenger_messages m WHERE m.conversation_id = c.conversation_id
                                                ORDER BY m.created_time DESC LIMIT 1)
                      ORDER BY c.conversation_id LIMIT 1""")) {
            s.setString(1, page.id());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}
