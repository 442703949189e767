package app.inboxsync.ui.media;

import app.inboxsync.ui.FxWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.app.MediaService;
import app.inboxsync.domain.Secret;
import app.inboxsync.media.FetchTally;
import app.inboxsync.media.MediaSettings;
import app.inboxsync.media.MediaStatus;
import app.inboxsync.media.MediaSummary;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.sync.CancelSignal;
import app.inboxsync.sync.PageAccess;
import app.inboxsync.sync.SyncListener;
import app.inboxsync.sync.SyncRequest;
import app.inboxsync.ui.DesktopFixture;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The Overview's attachments section, in the real window: nothing listed, then a Page's stored and pending files. */
@ExtendWith(ApplicationExtension.class)
class MediaOverviewTest {
    private DesktopFixture fx;

    @Start
    void start(Stage stage) {
        fx = new DesktopFixture(SimulatorConfig.small(43).withPages(1).withConversations(150)).withPages();
        fx.show(stage);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void showsPerPageWhatIsStoredAndWhatWaitsAndUpdatesWhenTheOverviewIsShownAgain(FxRobot robot) throws Exception {
        Label state = robot.lookup("#mediaOverview .text-muted").queryAs(Label.class);
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> MediaOverviewText.NONE.equals(state.getText()));

        SimPage page = fx.page(0);
        assertTrue(fx.app.sync(List.of(new SyncRequest(new PageAccess(page.id(), Secret.of(page.token())), null, false)),
                SyncListener.NONE, 1, new CancelSignal()).get(0).succeeded());
        MediaSummary expected;
        // a small cap and quota: some files too large, the rest partly stored and partly waiting
        try (MediaService media = new MediaService(fx.app.database(), fx.app.graph(), fx.app.vault(),
                MediaSettings.defaults(fx.home).withLimits(150 * 1024, 600 * 1024))) {
            media.fetch(page.id(), new FetchTally());
            expected = media.summary(page.id()).get(0);
        }
        assertTrue(expected.count(MediaStatus.STORED) > 0 && expected.count(MediaStatus.PENDING) > 0, expected.toString());

        TabPane tabs = robot.lookup("#tabs").queryAs(TabPane.class);
        robot.interact(() -> tabs.getSelectionModel().select(1)); // away and back, as a user looks again
        robot.interact(() -> tabs.getSelectionModel().select(0));
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#media-" + page.id()).tryQuery().isPresent());
        Label line = robot.lookup("#media-" + page.id()).queryAs(Label.class);
        assertEquals(MediaOverviewText.line(expected), line.getText());
        assertTrue(line.getText().matches("\\d+ files? stored \\(.+\\), \\d+ pending; \\d+ too large"), line.getText());
        assertTrue(robot.lookup(page.name()).tryQuery().isPresent(), "the Page by its name");
        // files wait (here for room in the quota): the line says when they come
        assertEquals(MediaOverviewText.PENDING_HINT, state.getText());
        assertTrue(state.isVisible());
    }
}
