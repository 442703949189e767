package app.inboxsync.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Secret;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.read.MessageRow;
import app.inboxsync.simulator.CdnLinks;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.sync.CancelSignal;
import app.inboxsync.sync.PageAccess;
import app.inboxsync.sync.RunOutcome.RunStatus;
import app.inboxsync.sync.SyncListener;
import app.inboxsync.sync.SyncRequest;
import app.inboxsync.ui.conversations.ConversationItem;
import app.inboxsync.ui.settings.DesktopSettings;
import app.inboxsync.ui.settings.MediaChoices;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Syncs started from the window download the attachments themselves, into the folder store Settings names (the
 * default, {@code HOME/media}): files on disk under their SHA-256 and {@code stored} rows, and an open thread's
 * "not downloaded yet" turns into the picture. Cancelling the sync stops its downloads; the next sync finishes them.
 */
@ExtendWith(ApplicationExtension.class)
class MediaFromTheWindowTest {
    private DesktopFixture fx;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void tearDown() {
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void aSyncFromTheWindowStoresTheFilesAndTheOpenThreadDrawsThePicture(FxRobot robot) throws Exception {
        fx = new DesktopFixture(SimulatorConfig.small(41).withPages(1).withConversations(150)).withPages();
        SimPage page = fx.page(0);
        // copied before (a CLI sync without --with-media): the messages are here, their files are not
        assertTrue(fx.app.sync(List.of(new SyncRequest(new PageAccess(page.id(), Secret.of(page.token())), null, false)),
                SyncListener.NONE, 1, new CancelSignal()).get(0).succeeded());
        fx.app.mediaQueue().enqueue(page.id());
        String[] photo = firstPendingPhoto(page.id());
        // its CDN edge fails twice (503): the fetcher's backoff (2 s, then 4 s) stores it well after the sync's end
        // has read the thread again, so only the downloads' own signal can turn the words into the picture
        fx.sim.cdn().breakNext(photo[2], CdnLinks.Breakage.UNAVAILABLE, CdnLinks.Breakage.UNAVAILABLE);
        robot.interact(() -> fx.show(stage));

        ListView<MessageRow> thread = openThread(robot, page.id(), photo[0], photo[1]);
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> drawnWords(robot).contains("Photo: not downloaded yet"));
        assertTrue(robot.lookup(".attachment-thumbnail").queryAll().isEmpty(), "no picture before it is downloaded");

        robot.clickOn("#syncButton");
        // nobody touches the thread: the downloads after the sync store the file and the cell draws it
        FxWait.waitFor(90, TimeUnit.SECONDS, () -> robot.lookup(".attachment-thumbnail").tryQuery().isPresent());
        ImageView picture = robot.lookup(".attachment-thumbnail").query();
        assertNotNull(picture.getImage());
        assertTrue(picture.getImage().getWidth() <= 240 && picture.getImage().getHeight() <= 240);
        assertFalse(drawnWords(robot).contains("Photo: not downloaded yet"), drawnWords(robot).toString());
        assertTrue(thread.getItems().stream().anyMatch(m -> m.messageId().equals(photo[1])));

        Button sync = robot.lookup("#syncButton").queryButton();
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> "Sync".equals(sync.getText()) && !fx.ui.media().busy(page.id()));
        Map<String, Integer> byStatus = statuses(page.id());
        assertEquals(null, byStatus.get("pending"), "every file was dealt with: " + byStatus);
        assertTrue(byStatus.getOrDefault("stored", 0) > 10, byStatus.toString());
        assertEquals(null, byStatus.get("failed"), byStatus.toString());
        assertStoredFilesAreWhole(page.id());
        assertEquals("stored", statusOf(photo[1]));
        assertEquals(2, attemptsOf(photo[1]), "stored at the third try: the sync did not fail, the retry did it");
    }

    @Test
    void cancellingTheSyncStopsItsDownloadsAndTheNextSyncFinishesThem(FxRobot robot) throws Exception {
        // Graph calls take 1.1 s, so the sync is still listing when its first batch's downloads start; a slow CDN
        // (100 KB/s per file) keeps them going long after a cancel would have to stop them.
        fx = new DesktopFixture(SimulatorConfig.small(41).withPages(1).withConversations(300).withLongShare(0)
                .withLatency(Duration.ofMillis(1100))).withPages();
        SimPage page = fx.page(0);
        fx.sim.cdn().setBytesPerSecond(100_000);
        robot.interact(() -> fx.show(stage));
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".page-cell .page-name").queryAll().size() == 1);
        Button sync = robot.lookup("#syncButton").queryButton();

        robot.clickOn(sync);
        FxWait.waitFor(60, TimeUnit.SECONDS, () -> fx.sim.cdn().downloads() > 0);
        assertTrue(fx.ui.media().busy(page.id()));
        assertTrue(sync.getText().startsWith("Syncing"), "the downloads began while the sync runs: " + sync.getText());
        robot.clickOn("#cancelButton");

        FxWait.waitFor(30, TimeUnit.SECONDS, () -> "Sync".equals(sync.getText()) && !fx.ui.media().busy(page.id()));
        assertEquals(RunStatus.CANCELLED, fx.app.runs().recent(page.id(), 1).get(0).status());
        Map<String, Integer> byStatus = statuses(page.id());
        assertTrue(byStatus.getOrDefault("pending", 0) > 20, "most files wait: " + byStatus);
        assertEquals(0, attemptsOfPending(page.id()), "a download the cancel broke off is no failed attempt");
        try (Stream<Path> parts = Files.list(fx.home.resolve("media").resolve("tmp"))) {
            assertEquals(List.of(), parts.toList(), "no partial download is left behind");
        }
        assertStoredFilesAreWhole(page.id());

        // the next sync (a full one again: the cancelled pass moved no watermark) downloads the rest
        fx.sim.setLatency(Duration.ZERO);
        fx.sim.cdn().setBytesPerSecond(0);
        robot.clickOn(sync);
        FxWait.waitFor(120, TimeUnit.SECONDS, () -> "Sync".equals(sync.getText()) && !fx.ui.media().busy(page.id())
                && !statuses(page.id()).containsKey("pending"));
        assertEquals(RunStatus.SUCCEEDED, fx.app.runs().recent(page.id(), 1).get(0).status());
        byStatus = statuses(page.id());
        assertEquals(null, byStatus.get("failed"), byStatus.toString());
        assertTrue(byStatus.getOrDefault("stored", 0) > 20, byStatus.toString());
        assertStoredFilesAreWhole(page.id());
    }

    @Test
    void theDownloadsKeepToTheSizeCapAndQuotaSavedInSettings(FxRobot robot) throws Exception {
        fx = new DesktopFixture(SimulatorConfig.small(43).withPages(1).withConversations(150)).withPages();
        SimPage page = fx.page(0);
        robot.interact(() -> fx.show(stage));
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".page-cell .page-name").queryAll().size() == 1);
        // saved while the window is open, as the Settings dialog does: 1 MB per file, 2 MB in all
        robot.interact(() -> fx.ui.applySettings(DesktopSettings.DEFAULTS.withMedia(new MediaChoices(null, 1, 2))));
        Button sync = robot.lookup("#syncButton").queryButton();

        robot.clickOn(sync);
        FxWait.waitFor(90, TimeUnit.SECONDS, () -> "Sync".equals(sync.getText()) && !fx.ui.media().busy(page.id()));
        Map<String, Integer> byStatus = statuses(page.id());
        assertTrue(byStatus.getOrDefault("stored", 0) > 0, byStatus.toString());
        assertTrue(byStatus.getOrDefault("too_large", 0) > 0, "files over 1 MB are not kept: " + byStatus);
        assertTrue(byStatus.getOrDefault("pending", 0) > 0, "the quota is full before the rest: " + byStatus);
        long kept = ((Number) one("SELECT COALESCE(sum(size), 0) FROM (SELECT DISTINCT sha256, size FROM message_media"
                + " WHERE page_id = ? AND status = 'stored') f", page.id())).longValue();
        assertTrue(kept <= 2L * 1024 * 1024, kept + " bytes kept");
        assertEquals(0L, ((Number) one("SELECT count(*) FROM message_media WHERE page_id = ? AND status = 'stored'"
                + " AND size > 1048576", page.id())).longValue(), "no kept file is over the cap");
        assertTrue(((Number) one("SELECT count(*) FROM message_media WHERE page_id = ? AND status = 'pending'"
                + " AND error LIKE '%quota%'", page.id())).longValue() > 0, "a waiting file says the quota is full");
        assertStoredFilesAreWhole(page.id());
    }

    /** Opens the conversation in the Conversations tab and scrolls its thread to the message. */
    @SuppressWarnings("unchecked")
    private ListView<MessageRow> openThread(FxRobot robot, String pageId, String conversationId, String messageId)
            throws Exception {
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".page-cell .page-name").queryAll().size() == 1);
        robot.push(KeyCode.CONTROL, KeyCode.F); // brings the Conversations tab forward
        List<String> order = fx.app.browse().window(ConversationFilter.page(pageId), ConversationSort.NEWEST_FIRST, 0,
                1000).stream().map(ConversationRow::conversationId).toList();
        int index = order.indexOf(conversationId);
        TableView<ConversationItem> table = robot.lookup(".conversations-table").queryAs(TableView.class);
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == order.size());
        robot.interact(() -> {
            table.scrollTo(index);
            table.getSelectionModel().clearAndSelect(index);
        });
        ListView<MessageRow> thread = robot.lookup("#threadMessages").queryAs(ListView.class);
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> thread.getItems().stream().anyMatch(m -> m.messageId().equals(messageId)));
        robot.interact(() -> thread.scrollTo(thread.getItems().stream().map(MessageRow::messageId).toList().indexOf(messageId)));
        return thread;
    }

    private static List<String> drawnWords(FxRobot robot) {
        return robot.lookup("#threadMessages .bubble-attachment").queryAllAs(Label.class).stream()
                .filter(Node::isVisible).map(Label::getText).toList();
    }

    /**
     * {conversation id, message id, link} of a photo listed but not downloaded, sent once (no other download takes
     * the broken answers of its link), in its conversation's newest message: the one in view however often the thread
     * is read again (a sync's end reads it again, from the newest).
     */
    private String[] firstPendingPhoto(String pageId) throws SQLException {
        List<List<Object>> found = rows("SELECT mm.conversation_id, mm.message_id, mm.source_url"
                + " FROM message_media mm JOIN messenger_messages m ON m.message_id = mm.message_id"
                + " WHERE mm.page_id = ? AND mm.status = 'pending' AND mm.kind = 'image'"
                + " AND (SELECT count(*) FROM message_media o WHERE o.source_url = mm.source_url) = 1"
                + " AND m.created_time = (SELECT max(n.created_time) FROM messenger_messages n"
                + " WHERE n.conversation_id = m.conversation_id) ORDER BY mm.message_id LIMIT 1", pageId);
        assertFalse(found.isEmpty(), "the copy has a photo");
        return found.get(0).stream().map(String::valueOf).toArray(String[]::new);
    }

    private Map<String, Integer> statuses(String pageId) throws SQLException {
        Map<String, Integer> out = new TreeMap<>();
        for (List<Object> row : rows("SELECT status, count(*) FROM message_media WHERE page_id = ? GROUP BY status",
                pageId)) {
            out.put((String) row.get(0), ((Number) row.get(1)).intValue());
        }
        return out;
    }

    private String statusOf(String messageId) throws SQLException {
        return (String) one("SELECT status FROM message_media WHERE message_id = ? AND kind = 'image'", messageId);
    }

    private int attemptsOf(String messageId) throws SQLException {
        return ((Number) one("SELECT attempts FROM message_media WHERE message_id = ? AND kind = 'image'", messageId))
                .intValue();
    }

    private int attemptsOfPending(String pageId) throws SQLException {
        return ((Number) one("SELECT COALESCE(sum(attempts), 0) FROM message_media WHERE page_id = ?"
                + " AND status = 'pending'", pageId)).intValue();
    }

    /** The one value the query with one parameter answers. */
    private Object one(String sql, String parameter) throws SQLException {
        List<List<Object>> found = rows(sql, parameter);
        assertEquals(1, found.size(), sql);
        return found.get(0).get(0);
    }

    /** What the query with one parameter answers, row by row. */
    private List<List<Object>> rows(String sql, String parameter) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (Connection c = fx.app.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        row.add(rs.getObject(i));
                    }
                    out.add(row);
                }
            }
        }
        return out;
    }

    /** Every stored row has its file at HOME/media/ab/cd/sha256, of its size, whose bytes hash to its name. */
    private void assertStoredFilesAreWhole(String pageId) throws Exception {
        for (List<Object> row : rows("SELECT sha256, size FROM message_media WHERE page_id = ? AND status = 'stored'",
                pageId)) {
            String sha = (String) row.get(0);
            long size = ((Number) row.get(1)).longValue();
            Path file = fx.home.resolve("media").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
            assertTrue(Files.isRegularFile(file), "the file of a stored row is there: " + file);
            assertEquals(size, Files.size(file), file.toString());
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(file)) {
                digest.update(in.readAllBytes());
            }
            assertEquals(sha, HexFormat.of().formatHex(digest.digest()), "whole, as its name says: " + file);
        }
    }
}
