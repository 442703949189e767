package app.inboxsync.ui.conversations;

import app.inboxsync.ui.FxWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.app.background.Background;
import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Message;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.store.read.ConversationBrowseQueries;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.store.server.Database;
import app.inboxsync.read.MessageRow;
import app.inboxsync.store.read.PageRepository;
import app.inboxsync.store.write.PostgresInboxStore;
import app.inboxsync.store.TestDatabase;
import app.inboxsync.ui.common.EmojiSheet;
import app.inboxsync.ui.common.EmojiText;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The thread as a chat: a 122-message thread opens at its newest message, emoji are drawn in colour, a mixed text
 * keeps its words and copies whole, and the search words are marked with next / previous between them.
 */
@ExtendWith(ApplicationExtension.class)
class ChatThreadTest {
    private static final Instant T0 = Instant.parse("2025-12-06T09:00:00Z");
    static final String PARTY = "\uD83C\uDF89\uD83C\uDF89\uD83C\uDF89";
    static final String MIXED = "Love the dress \uD83D\uDE0D thanks \uD83D\uDC4D\uD83C\uDFFD from all of us "
            + "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67 in \uD83C\uDDEB\uD83C\uDDF7!";
    private static Database db;
    private static ConversationRow chat;
    private ThreadViewModel thread;
    private ListView<MessageRow> list;

    @BeforeAll
    static void fill() {
        db = TestDatabase.fresh();
        new PageRepository(db).savePage(new PageProfile("p", "Page", "Shop"));
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 120; i++) { // 12 days, senders taking turns three messages at a time
            boolean page = (i / 3) % 2 == 1;
            messages.add(new Message("m" + i, "t", "p", page ? "p" : "u", page ? "Shop" : "Ann", page,
                    i % 10 == 4 ? "Is the red dress still there? (" + i + ")" : "message " + i,
                    T0.plusSeconds(i * 8640L), null, false));
        }
        messages.add(new Message("m120", "t", "p", "u", "Ann", false, MIXED, T0.plusSeconds(120 * 8640L), null, false));
        messages.add(new Message("m121", "t", "p", "u", "Ann", false, PARTY, T0.plusSeconds(121 * 8640L), null, false));
        new PostgresInboxStore(db).writeBatch("p", List.of(new Conversation("t", "p", Folder.INBOX, "u", "Ann \uD83C\uDF38",
                PARTY, T0.plusSeconds(121 * 8640L), 122, 0, true, null, null)), messages);
        chat = new ConversationBrowseQueries(db).window(ConversationFilter.page("p"), ConversationSort.NEWEST_FIRST, 0, 1).get(0);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Start
    @SuppressWarnings("unchecked")
    void start(Stage stage) {
        javafx.application.Application.setUserAgentStylesheet(new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
        thread = new ThreadViewModel(new ConversationBrowseQueries(db), Background.currentThread());
        ThreadPane pane = new ThreadPane(thread, url -> { }, ZoneOffset.UTC, null);
        Scene scene = new Scene(pane, 700, 700);
        scene.getStylesheets().add(ThreadPane.class.getResource("/app/inboxsync/ui/conversations.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        list = (ListView<MessageRow>) pane.lookup("#threadMessages");
    }

    private void open(FxRobot robot) throws Exception {
        robot.interact(() -> thread.show(chat));
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> list.getItems().size() == 122);
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> EmojiSheet.twemoji().image().getProgress() >= 1.0);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Optional<ListCell<MessageRow>> shownCell(FxRobot robot, String messageId) {
        Bounds view = list.localToScene(list.getLayoutBounds());
        return robot.lookup(".message-cell").queryAllAs(ListCell.class).stream()
                .map(c -> (ListCell<MessageRow>) c)
                .filter(c -> c.isVisible() && c.getItem() != null && c.getItem().messageId().equals(messageId))
                .filter(c -> {
                    Bounds b = c.localToScene(c.getLayoutBounds());
                    return b.getMinY() >= view.getMinY() - 1 && b.getMaxY() <= view.getMaxY() + 1;
                })
                .findFirst();
    }

    @Test
    void aLongThreadOpensAtItsNewestMessage(FxRobot robot) throws Exception {
        open(robot);
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> shownCell(robot, "m121").isPresent());
        assertTrue(shownCell(robot, "m0").isEmpty(), "the oldest message is not what the thread opens on");
        // a day starts with its date; the customer's bubbles are on the left, the Page's on the right
        assertTrue(robot.lookup(".thread-date").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().contains("2025")), "date lines");
        assertEquals(robot.lookup(".bubble-page").queryAll().isEmpty(), false);
        Label title = robot.lookup("#threadTitle").queryAs(Label.class);
        assertEquals("Ann \uD83C\uDF38", title.getText(), "the name keeps its emoji as text");
    }

    /** Cells that grow after the first layout (late emoji, pictures, a narrower window) keep the newest in view. */
    @Test
    void theNewestStaysInViewAsCellsGrowUntilTheReaderScrolls(FxRobot robot) throws Exception {
        open(robot);
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> shownCell(robot, "m121").isPresent());
        robot.interact(() -> list.getScene().getWindow().setWidth(260)); // every bubble wraps: all cells taller
        WaitForAsyncUtils.waitForFxEvents();
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> shownCell(robot, "m121").isPresent());

        robot.clickOn(shownCell(robot, "m121").orElseThrow()); // the reader takes over: a click, then a scroll up
        robot.interact(() -> list.scrollTo(60));
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> shownCell(robot, "m121").isEmpty());
        robot.interact(() -> list.getScene().getWindow().setWidth(700));
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(shownCell(robot, "m121").isEmpty(), "once the reader scrolled, the list stays where they put it");
        robot.interact(() -> list.getScene().getWindow().sizeToScene()); // the stage is shared with later test classes
    }

    @Test
    void aMessageOfOnlyEmojiIsDrawnInColour(FxRobot robot) throws Exception {
        open(robot);
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> shownCell(robot, "m121").isPresent());
        TextFlow flow = (TextFlow) shownCell(robot, "m121").orElseThrow().lookup(".bubble-text");
        assertEquals(3, flow.getChildren().stream().filter(n -> n instanceof ImageView).count());
        WritableImage[] drawn = new WritableImage[1];
        robot.interact(() -> drawn[0] = flow.snapshot(null, null));
        int coloured = 0;
        int background = drawn[0].getPixelReader().getArgb(0, 0);
        for (int y = 0; y < drawn[0].getHeight(); y++) {
            for (int x = 0; x < drawn[0].getWidth(); x++) {
                int argb = drawn[0].getPixelReader().getArgb(x, y);
                int r = (argb >> 16) & 0xff;
                int g = (argb >> 8) & 0xff;
                int b = argb & 0xff;
                if (argb != background && Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80) {
                    coloured++;
                }
            }
        }
        // three 40 px party poppers: well over a few hundred saturated (not grey) pixels
        assertTrue(coloured > 600, coloured + " coloured pixels");
    }

    @Test
    void mixedTextKeepsItsWordsAndCopiesWhole(FxRobot robot) throws Exception {
        open(robot);
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> shownCell(robot, "m120").isPresent());
        ListCell<MessageRow> cell = shownCell(robot, "m120").orElseThrow();
        TextFlow flow = (TextFlow) cell.lookup(".bubble-text");
        String words = flow.getChildren().stream().filter(n -> n instanceof Text).map(n -> ((Text) n).getText())
                .collect(Collectors.joining());
        assertEquals("Love the dress  thanks  from all of us  in !", words);
        List<Node> pictures = flow.getChildren().stream().filter(n -> n instanceof ImageView).toList();
        assertEquals(List.of("\uD83D\uDE0D", "\uD83D\uDC4D\uD83C\uDFFD",
                        "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "\uD83C\uDDEB\uD83C\uDDF7"),
                pictures.stream().map(Node::getAccessibleText).toList(), "a ZWJ family, a skin tone, a flag: one picture each");
        String joined = flow.getChildren().stream()
                .map(n -> n instanceof Text t ? t.getText() : n.getAccessibleText()).collect(Collectors.joining());
        assertEquals(MIXED, joined);

        robot.interact(() -> {
            list.getSelectionModel().select(120);
            list.requestFocus();
        });
        robot.press(KeyCode.CONTROL, KeyCode.C).release(KeyCode.C, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertEquals(MIXED, copied[0]);
        assertEquals(MIXED, new EmojiText(MIXED).getText());
    }

    @Test
    void searchWordsAreMarkedWithNextAndPrevious(FxRobot robot) throws Exception {
        open(robot);
        robot.interact(() -> thread.find().wordsProperty().set("dress"));
        WaitForAsyncUtils.waitForFxEvents();
        // "dress" in messages 4, 14, … 114, and the mixed one at 120: 13 hits, the newest current
        assertEquals(13, thread.find().hitsProperty().get().size());
        assertEquals("13 of 13 matches", robot.lookup("#threadFindStatus").queryAs(Label.class).getText());
        assertEquals(120, thread.find().currentProperty().get().message());
        assertEquals("dress", currentMark(robot, "m120"));

        robot.clickOn("#threadFindPrevious");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(114, thread.find().currentProperty().get().message());
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> shownCell(robot, "m114").isPresent());
        assertEquals("dress", currentMark(robot, "m114"));
        assertEquals("12 of 13 matches", robot.lookup("#threadFindStatus").queryAs(Label.class).getText());

        robot.clickOn("#threadFindNext");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(120, thread.find().currentProperty().get().message());
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> shownCell(robot, "m120").isPresent());
        assertEquals("dress", currentMark(robot, "m120"));
        // the other hits in view are marked, but not as the current one
        assertTrue(robot.lookup(".search-hit").queryAll().size() >= 1);
    }

    private String currentMark(FxRobot robot, String messageId) throws Exception {
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> shownCell(robot, messageId).isPresent());
        return shownCell(robot, messageId).orElseThrow().lookupAll(".search-hit-current").stream()
                .map(n -> ((Text) n).getText()).collect(Collectors.joining());
    }
}
