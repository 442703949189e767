package app.inboxsync.ui.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.app.background.Background;
import app.inboxsync.domain.Folder;
import app.inboxsync.media.FolderMediaFiles;
import app.inboxsync.media.KeptAttachment;
import app.inboxsync.media.MediaKind;
import app.inboxsync.media.MediaStatus;
import app.inboxsync.media.Sha256;
import app.inboxsync.read.ConversationBrowsing;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.read.MessageRow;
import app.inboxsync.ui.FxWait;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A thread of 200 photos opens at its newest message with each picture's room kept before its thumbnail is read,
 * reads only the pictures of the messages it shows, and keeps the newest in view when they arrive (the cells do not
 * grow); a click on a thumbnail opens the viewer, a right-click copies the message's text. The store's reads are held until the test lets them run.
 */
@ExtendWith(ApplicationExtension.class)
class ThreadPhotosOpeningTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final int MESSAGES = 200;
    private final Set<String> asked = ConcurrentHashMap.newKeySet();
    private final HeldBackground held = new HeldBackground();
    private final List<MessageRow> oldestFirst = new ArrayList<>();
    private ThreadViewModel thread;
    private ListView<MessageRow> list;
    private Path folder;

    @Start
    @SuppressWarnings("unchecked")
    void start(Stage stage) throws Exception {
        folder = Files.createTempDirectory("thread-photos");
        FolderMediaFiles files = new FolderMediaFiles(folder);
        Path temp = files.temporaryFolder().resolve("photo.part");
        ImageIO.write(new BufferedImage(400, 300, BufferedImage.TYPE_INT_RGB), "png", temp.toFile());
        String sha = Sha256.of(temp);
        files.keep(temp, sha, Files.size(temp));
        for (int i = 0; i < MESSAGES; i++) {
            oldestFirst.add(new MessageRow("m" + i, "t1", "u1", "Customer", i % 2 == 0, "the photo of order " + i,
                    T0.plusSeconds(600L * i), "{\"attachments\":{\"data\":[{\"id\":\"a" + i + "\",\"mime_type\":\"image/png\","
                    + "\"name\":\"p" + i + ".png\",\"image_data\":{\"url\":\"https://cdn.invalid/" + i + ".png\","
                    + "\"width\":400,\"height\":300}}]}}", false));
        }
        ThreadMedia media = new ThreadMedia((Collection<String> ids) -> {
            List<KeptAttachment> out = new ArrayList<>();
            for (String id : ids) {
                asked.add(id);
                out.add(new KeptAttachment(id, 0, MediaKind.IMAGE, MediaStatus.STORED, "image/png", "p.png", sha, 10));
            }
            return out;
        }, files, f -> { }, held);
        thread = new ThreadViewModel(new InMemoryThread(), Background.currentThread());
        ThreadPane pane = new ThreadPane(thread, url -> { }, ZoneOffset.UTC, media);
        Scene scene = new Scene(pane, 700, 800);
        scene.getStylesheets().add(ThreadPane.class.getResource("/app/inboxsync/ui/conversations.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        list = (ListView<MessageRow>) pane.lookup("#threadMessages");
    }

    @AfterEach
    void closeViewers(FxRobot robot) {
        robot.interact(() -> new ArrayList<>(Window.getWindows()).stream()
                .filter(w -> w instanceof Stage s && "p.png".equals(s.getTitle())).forEach(Window::hide));
    }

    @Test
    void opensAtTheNewestWithEachPictureInItsRoomAndReadsOnlyWhatItShows(FxRobot robot) throws Exception {
        open(robot);
        // before any file is read: the newest in view, each picture's room as large as its thumbnail will be
        ListCell<MessageRow> newest = shownCell(robot, "m199").orElseThrow();
        double newestHeight = newest.getHeight();
        List<Node> rooms = shown(robot, ".attachment-placeholder");
        assertFalse(rooms.isEmpty(), "the pictures' rooms are drawn while they are read");
        for (Node room : rooms) {
            assertEquals(240, room.getLayoutBounds().getWidth(), 0.5, "400 × 300 fitted into 240 px");
            assertEquals(180, room.getLayoutBounds().getHeight(), 0.5);
        }
        assertTrue(shown(robot, ".attachment-thumbnail").isEmpty(), "nothing is decoded before the store is read");

        held.runAll(robot);
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> shown(robot, ".attachment-placeholder").isEmpty());
        List<Node> thumbnails = shown(robot, ".attachment-thumbnail");
        assertEquals(rooms.size(), thumbnails.size(), "every room holds its picture");
        for (Node picture : thumbnails) {
            assertEquals(240, picture.getLayoutBounds().getWidth(), 0.5, "drawn in the room kept for it");
            assertEquals(180, picture.getLayoutBounds().getHeight(), 0.5);
        }
        ListCell<MessageRow> after = shownCell(robot, "m199").orElseThrow(() -> new AssertionError(
                "the newest message is still wholly in view once the pictures are in"));
        assertEquals(newestHeight, after.getHeight(), 0.5, "the cell did not grow when its picture arrived");
        // only what is shown was read: the list measures more messages than it shows, and those read nothing
        Set<String> laidOut = new java.util.TreeSet<>(laidOutCells(robot).stream().map(c -> c.getItem().messageId()).toList());
        assertTrue(asked.containsAll(laidOut), "files read " + new java.util.TreeSet<>(asked) + ", cells laid out " + laidOut);
        // opened straight at the newest: none of the oldest drawn on the way, nor read
        assertTrue(asked.stream().allMatch(id -> Integer.parseInt(id.substring(1)) >= MESSAGES - 10),
                "only messages near the newest were read: " + new java.util.TreeSet<>(asked));
    }

    @Test
    void aClickOnAThumbnailOpensThePicture(FxRobot robot) throws Exception {
        open(robot);
        held.runAll(robot);
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> !shown(robot, ".attachment-thumbnail").isEmpty());
        ImageView thumbnail = (ImageView) shown(robot, ".attachment-thumbnail").get(0);
        robot.clickOn(thumbnail);
        held.runAll(robot); // the full picture is read off the FX thread too
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> viewer().isPresent());
        ImageView full = (ImageView) viewer().orElseThrow().getScene().lookup(".image-view");
        assertEquals(400, full.getImage().getWidth(), "the viewer shows the stored picture at its own size");
    }

    /** A cell keeps one menu for whichever message it shows: it copies the message under the pointer. */
    @Test
    void rightClickCopiesTheTextOfTheMessageClicked(FxRobot robot) throws Exception {
        open(robot);
        held.runAll(robot);
        ListCell<MessageRow> cell = shownCell(robot, "m198").orElseThrow();
        String[] copied = new String[1];
        robot.interact(() -> {
            javafx.scene.control.MenuItem copy = cell.getContextMenu().getItems().get(0);
            assertEquals("Copy text", copy.getText());
            copy.fire();
            copied[0] = javafx.scene.input.Clipboard.getSystemClipboard().getString();
        });
        assertEquals("the photo of order 198", copied[0]);
    }

    private void open(FxRobot robot) throws Exception {
        robot.interact(() -> thread.show(new ConversationRow("t1", "p1", "u1", "Customer", "hi", T0, MESSAGES, 0,
                Folder.INBOX, List.of(), null, null, null)));
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> list.getItems().size() == MESSAGES);
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> shownCell(robot, "m199").isPresent());
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Optional<Stage> viewer() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && "p.png".equals(s.getTitle()))
                .map(w -> (Stage) w).findFirst();
    }

    /** The cells the list has placed (on screen or just past its edges), not the ones kept aside or measuring. */
    @SuppressWarnings("unchecked")
    private List<ListCell<MessageRow>> laidOutCells(FxRobot robot) {
        return robot.lookup(".message-cell").queryAllAs(ListCell.class).stream()
                .map(c -> (ListCell<MessageRow>) c)
                .filter(c -> c.isVisible() && c.getItem() != null && c.getParent() != null && c.getParent().isVisible())
                .toList();
    }

    /** The cells at least partly inside the list's view. */
    private List<ListCell<MessageRow>> visibleCells(FxRobot robot) {
        Bounds view = list.localToScene(list.getLayoutBounds());
        return laidOutCells(robot).stream()
                .filter(c -> {
                    Bounds b = c.localToScene(c.getLayoutBounds());
                    return b.getMaxY() > view.getMinY() && b.getMinY() < view.getMaxY();
                })
                .toList();
    }

    private Optional<ListCell<MessageRow>> shownCell(FxRobot robot, String messageId) {
        Bounds view = list.localToScene(list.getLayoutBounds());
        return visibleCells(robot).stream().filter(c -> c.getItem().messageId().equals(messageId))
                .filter(c -> {
                    Bounds b = c.localToScene(c.getLayoutBounds());
                    return b.getMinY() >= view.getMinY() - 1 && b.getMaxY() <= view.getMaxY() + 1;
                })
                .findFirst();
    }

    /** The nodes matching {@code selector} inside the cells on screen. */
    private List<Node> shown(FxRobot robot, String selector) {
        List<Node> nodes = new ArrayList<>();
        for (ListCell<MessageRow> cell : visibleCells(robot)) {
            nodes.addAll(cell.lookupAll(selector));
        }
        return nodes;
    }

    /** The media store's work held until the test runs it: the work on the test's thread, its outcome on the FX thread. */
    private static final class HeldBackground implements Background {
        private final List<Runnable> pending = new CopyOnWriteArrayList<>();
        private FxRobot robot;

        @Override
        public <T> void run(String what, Callable<T> work, Consumer<T> onSuccess, Consumer<String> onFailure) {
            pending.add(() -> {
                try {
                    T value = work.call();
                    robot.interact(() -> onSuccess.accept(value));
                } catch (Exception e) {
                    robot.interact(() -> onFailure.accept(e.getMessage()));
                }
            });
        }

        void runAll(FxRobot robot) {
            this.robot = robot;
            WaitForAsyncUtils.waitForFxEvents();
            while (!pending.isEmpty()) {
                pending.remove(0).run();
                WaitForAsyncUtils.waitForFxEvents();
            }
        }
    }

    /** One thread of photos, paged newest first as the keyset query does (all of it in one page). */
    private final class InMemoryThread implements ConversationBrowsing {
        @Override
        public List<MessageRow> olderMessages(String conversationId, MessageRow newerThan, int limit) {
            List<MessageRow> page = new ArrayList<>(newerThan == null ? oldestFirst : List.of());
            Collections.reverse(page);
            return page;
        }

        @Override
        public int count(ConversationFilter filter) {
            return 1;
        }

        @Override
        public FirstWindow firstWindow(ConversationFilter filter, ConversationSort sort, int limit) {
            return new FirstWindow(0, List.of());
        }

        @Override
        public List<ConversationRow> window(ConversationFilter filter, ConversationSort sort, int offset, int limit) {
            return List.of();
        }
    }
}
