package app.inboxsync.ui.conversations;

import app.inboxsync.ui.FxWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.app.MediaService;
import app.inboxsync.domain.Secret;
import app.inboxsync.media.FetchTally;
import app.inboxsync.media.FolderMediaFiles;
import app.inboxsync.media.MediaSettings;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.read.MessageRow;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.store.write.PostgresMediaQueue;
import app.inboxsync.sync.CancelSignal;
import app.inboxsync.sync.PageAccess;
import app.inboxsync.sync.SyncListener;
import app.inboxsync.sync.SyncRequest;
import app.inboxsync.ui.DesktopFixture;
import app.inboxsync.ui.common.FxBackground;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The thread view draws a photo from the local media store with the network off: the simulator (Graph and its
 * CDN) is stopped before the window opens, so every pixel comes from the store.
 */
@ExtendWith(ApplicationExtension.class)
class ThreadPicturesTest {
    private DesktopFixture fx;
    private final FxBackground tasks = new FxBackground();
    private final List<Path> opened = new CopyOnWriteArrayList<>();
    private ThreadViewModel thread;
    private ConversationRow conversation;
    private String photoMessage;
    private String photoSha;

    @Start
    void start(Stage stage) throws Exception {
        fx = new DesktopFixture(SimulatorConfig.small(41).withPages(1).withConversations(150)).withPages();
        SimPage page = fx.page(0);
        var results = fx.app.sync(List.of(new SyncRequest(new PageAccess(page.id(), Secret.of(page.token())), null, false)),
                SyncListener.NONE, 1, new CancelSignal());
        assertTrue(results.get(0).succeeded(), results.toString());
        try (MediaService media = new MediaService(fx.app.database(), fx.app.graph(), fx.app.vault(),
                MediaSettings.defaults(fx.home))) {
            media.fetch(page.id(), new FetchTally());
        }
        String conversationId;
        try (Connection c = fx.app.database().dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT conversation_id, message_id, sha256 FROM message_media"
                     + " WHERE status = 'stored' AND kind = 'image' ORDER BY message_id LIMIT 1");
             ResultSet rs = s.executeQuery()) {
            assertTrue(rs.next(), "some photo was stored");
            conversationId = rs.getString(1);
            photoMessage = rs.getString(2);
            photoSha = rs.getString(3);
        }
        fx.sim.close(); // the network is off from here on
        conversation = fx.app.browse().window(ConversationFilter.page(page.id()), ConversationSort.NEWEST_FIRST, 0, 1000)
                .stream().filter(r -> r.conversationId().equals(conversationId)).findFirst().orElseThrow();
        thread = new ThreadViewModel(fx.app.browse(), tasks::run);
        ThreadMedia media = new ThreadMedia(new PostgresMediaQueue(fx.app.database())::attachmentsOf,
                new FolderMediaFiles(MediaSettings.defaults(fx.home).folder()), opened::add, tasks::run);
        stage.setScene(new Scene(new ThreadPane(thread, url -> { }, java.time.ZoneOffset.UTC, media), 700, 800));
        stage.show();
    }

    @AfterEach
    void tearDown() {
        tasks.close();
        fx.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aStoredPhotoIsDrawnFromTheLocalStoreWithTheNetworkOff(FxRobot robot) throws Exception {
        robot.interact(() -> thread.show(conversation));
        ListView<MessageRow> list = (ListView<MessageRow>) robot.lookup("#threadMessages").query();
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> list.getItems().stream()
                .anyMatch(m -> m.messageId().equals(photoMessage)));
        robot.interact(() -> list.scrollTo(list.getItems().stream().map(MessageRow::messageId).toList().indexOf(photoMessage)));
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup(".attachment-thumbnail").tryQuery().isPresent());
        ImageView view = robot.lookup(".attachment-thumbnail").query();
        Image thumbnail = view.getImage();
        assertNotNull(thumbnail);
        assertTrue(thumbnail.getWidth() <= ThreadMedia.THUMBNAIL && thumbnail.getHeight() <= ThreadMedia.THUMBNAIL,
                "scaled: " + thumbnail.getWidth() + "x" + thumbnail.getHeight());

        // what is drawn is the stored picture: the node's pixels match the store's file decoded independently
        Path file = new FolderMediaFiles(MediaSettings.defaults(fx.home).folder()).path(photoSha);
        Image expected;
        try (var in = Files.newInputStream(file)) {
            expected = new Image(in, ThreadMedia.THUMBNAIL, ThreadMedia.THUMBNAIL, true, true);
        }
        WritableImage[] drawn = new WritableImage[1];
        robot.interact(() -> drawn[0] = view.snapshot(null, null));
        int w = (int) Math.min(drawn[0].getWidth(), expected.getWidth());
        int h = (int) Math.min(drawn[0].getHeight(), expected.getHeight());
        assertTrue(w > 10 && h > 10, "drawn " + w + "x" + h);
        int same = 0;
        int samples = 0;
        for (int y = 2; y < h - 2; y += Math.max(1, h / 12)) {
            for (int x = 2; x < w - 2; x += Math.max(1, w / 12)) {
                int a = drawn[0].getPixelReader().getArgb(x, y);
                int b = expected.getPixelReader().getArgb(x, y);
                samples++;
                if (close(a, b)) {
                    same++;
                }
            }
        }
        assertTrue(same >= samples * 0.9, same + " of " + samples + " sampled pixels match the stored picture");
        assertTrue(samples >= 25, "enough of the picture sampled: " + samples);

        // non-pictures and missing files say so in words; nothing was opened by itself
        assertTrue(robot.lookup(".bubble-attachment").queryAll().stream().map(n -> ((Label) n).getText())
                .noneMatch(t -> t.contains("Exception")));
        assertEquals(List.of(), opened);
    }

    private static boolean close(int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > 24) {
                return false;
            }
        }
        return true;
    }
}
