package app.inboxsync.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.ui.pages.PageItem;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The sidebar of many Pages in the real window: typing in the filter box narrows the list; the count stays whole. */
@ExtendWith(ApplicationExtension.class)
class PagesSidebarTest {
    private DesktopFixture fx;

    @Start
    void start(Stage stage) {
        fx = new DesktopFixture(SimulatorConfig.small(11).withPages(24).withConversations(2).withLongShare(0)).withPages();
        fx.show(stage);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void theFilterBoxNarrowsTheListByNameOrId(FxRobot robot) throws Exception {
        @SuppressWarnings("unchecked")
        ListView<PageItem> list = robot.lookup("#pagesList").queryAs(ListView.class);
        FxWait.waitFor(30, TimeUnit.SECONDS, () -> list.getItems().size() == 24);
        assertEquals("24 Pages · 24 never synced", robot.lookup("#pagesCount").queryAs(Label.class).getText());

        SimPage wanted = fx.page(5);
        robot.clickOn("#pagesFilter").write(wanted.name().toUpperCase(java.util.Locale.ROOT));
        WaitForAsyncUtils.waitForFxEvents();
        List<String> names = list.getItems().stream().map(PageItem::name).toList();
        assertTrue(names.contains(wanted.name()), names.toString());
        assertTrue(names.stream().allMatch(n -> n.toLowerCase(java.util.Locale.ROOT)
                .contains(wanted.name().toLowerCase(java.util.Locale.ROOT))), names.toString());
        assertTrue(robot.lookup("#pagesCount").queryAs(Label.class).getText().endsWith(" · " + names.size() + " shown"));

        robot.interact(() -> robot.lookup("#pagesFilter").queryAs(TextField.class).setText(wanted.id()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(wanted.name()), list.getItems().stream().map(PageItem::name).toList());
        assertEquals(1, robot.lookup(".page-cell .page-name").queryAll().stream().filter(n -> n.isVisible()
                && !((Label) n).getText().isEmpty()).count(), "one Page drawn");

        robot.interact(() -> robot.lookup("#pagesFilter").queryAs(TextField.class).setText("no such page"));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(list.getItems().isEmpty());
        assertEquals("No Page matches \u201cno such page\u201d.", robot.lookup("#pagesEmpty").queryAs(Label.class).getText());
        assertEquals(24, fx.ui.pages().pages().size(), "Sync all still sees every Page");
    }
}
