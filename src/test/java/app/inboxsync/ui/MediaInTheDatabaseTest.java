package app.inboxsync.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.app.MediaService;
import app.inboxsync.domain.Secret;
import app.inboxsync.media.FetchTally;
import app.inboxsync.media.MediaSettings;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.read.MessageRow;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.sync.CancelSignal;
import app.inboxsync.sync.PageAccess;
import app.inboxsync.sync.SyncListener;
import app.inboxsync.sync.SyncRequest;
import app.inboxsync.ui.conversations.ConversationItem;
import app.inboxsync.ui.settings.DesktopSettings;
import app.inboxsync.ui.settings.DesktopSettingsFile;
import app.inboxsync.ui.settings.MediaChoices;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Button;
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
 * Attachments kept inside PostgreSQL, for a server database several machines share: chosen in Settings, the
 * window's downloads go to {@code media_blobs} and not to the folder, and its thread draws them from there; and a
 * window that keeps its own files in a folder still draws the ones a scheduled sync on another machine kept in
 * the database.
 */
@ExtendWith(ApplicationExtension.class)
class MediaInTheDatabaseTest {
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
    void theDatabaseChosenInSettingsGetsTheWindowsDownloadsAndTheThreadDrawsThemFromThere(FxRobot robot) throws Exception {
        fx = new DesktopFixture(SimulatorConfig.small(44).withPages(1).withConversations(60)).withPages();
        SimPage page = fx.page(0);
        MediaChoices inTheDatabase = new MediaChoices(null, MediaChoices.DEFAULTS.maxFileMb(),
                MediaChoices.DEFAULTS.quotaMb(), MediaSettings.Store.DATABASE);
        DesktopSettings saved = DesktopSettings.DEFAULTS.withMedia(inTheDatabase);
        // as the Settings dialog saves it, and as the next start reads it
        new DesktopSettingsFile(fx.home).save(saved);
        fx.settings = new DesktopSettingsFile(fx.home).load();
        assertEquals(MediaSettings.Store.DATABASE, fx.settings.media().store());
        robot.interact(() -> fx.show(stage));
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".page-cell .page-name").queryAll().size() == 1);

        Button sync = robot.lookup("#syncButton").queryButton();
        robot.clickOn(sync);
        FxWait.waitFor(90, TimeUnit.SECONDS, () -> "Sync".equals(sync.getText()) && !fx.ui.media().busy(page.id()));

        List<List<Object>> stored = rows("SELECT DISTINCT sha256, size FROM message_media WHERE page_id = ?"
                + " AND status = 'stored'", page.id());
        assertTrue(stored.size() > 5, "files were downloaded: " + stored.size());
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (List<Object> row : stored) {
            String hash = (String) row.get(0);
            List<List<Object>> blob = rows("SELECT size, bytes FROM media_blobs WHERE sha256 = ?", hash);
            assertEquals(1, blob.size(), "kept in the database: " + hash);
            assertEquals(((Number) row.get(1)).longValue(), ((Number) blob.get(0).get(0)).longValue());
            assertEquals(hash, HexFormat.of().formatHex(sha.digest((byte[]) blob.get(0).get(1))), "whole");
        }
        assertEquals(0, filesUnder(fx.home.resolve("media")), "nothing in the folder");

        ImageView picture = openAPhoto(robot, page.id());
        assertNotNull(picture.getImage());
        assertFalse(picture.getImage().isError());
    }

    @Test
    void aWindowKeepingFilesInAFolderDrawsThoseAnotherMachineKeptInTheDatabase(FxRobot robot) throws Exception {
        fx = new DesktopFixture(SimulatorConfig.small(45).withPages(1).withConversations(60)).withPages();
        SimPage page = fx.page(0);
        // the server: a scheduled `sync --with-media --media-store database`, with its own home
        assertTrue(fx.app.sync(List.of(new SyncRequest(new PageAccess(page.id(), Secret.of(page.token())), null, false)),
                SyncListener.NONE, 1, new CancelSignal()).get(0).succeeded());
        fx.app.mediaQueue().enqueue(page.id());
        Path serverHome = Files.createTempDirectory("inboxsync-server");
        try (MediaService server = MediaService.of(fx.app,
                MediaSettings.defaults(serverHome).withStore(MediaSettings.Store.DATABASE))) {
            server.fetch(page.id(), new FetchTally());
        }
        assertTrue(((Number) rows("SELECT count(*) FROM media_blobs", null).get(0).get(0)).intValue() > 5);

        robot.interact(() -> fx.show(stage)); // the default: files in the folder of this home
        ImageView picture = openAPhoto(robot, page.id());
        assertNotNull(picture.getImage());
        assertFalse(picture.getImage().isError());
        assertEquals(0, filesUnder(fx.home.resolve("media")), "drawn from the database, not downloaded again");
    }

    /** Opens a conversation with a stored photo at that message; its thumbnail once drawn. */
    @SuppressWarnings("unchecked")
    private ImageView openAPhoto(FxRobot robot, String pageId) throws Exception {
        List<List<Object>> found = rows("SELECT conversation_id, message_id FROM message_media"
                + " WHERE page_id = ? AND status = 'stored' AND kind = 'image' ORDER BY message_id LIMIT 1", pageId);
        assertFalse(found.isEmpty(), "a stored photo");
        String conversationId = (String) found.get(0).get(0);
        String messageId = (String) found.get(0).get(1);
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
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> robot.lookup(".attachment-thumbnail").tryQuery().isPresent());
        return robot.lookup(".attachment-thumbnail").query();
    }

    private static long filesUnder(Path folder) throws Exception {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            return all.filter(Files::isRegularFile).filter(f -> f.getFileName().toString().matches("[0-9a-f]{64}")).count();
        }
    }

    /** What the query answers, row by row (with one parameter, or none when it is null). */
    private List<List<Object>> rows(String sql, String parameter) throws SQLException {
        List<List<Object>> out = new ArrayList<>();
        try (Connection c = fx.app.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(sql)) {
            if (parameter != null) {
                s.setString(1, parameter);
            }
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
}
