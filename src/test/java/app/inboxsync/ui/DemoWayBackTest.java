package app.inboxsync.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.app.AppConfig;
import app.inboxsync.app.AppContext;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.graph.GraphSettings;
import app.inboxsync.simulator.GraphSimulator;
import app.inboxsync.simulator.SimulatorConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real {@link DesktopApp} on a home with one real Page: into the demo and back to the real Pages without a
 * restart; Add Page inside the demo offers that way back instead of trying a token on the simulator.
 */
class DemoWayBackTest {
    private Application app;
    private Path home;
    private GraphSimulator facebook;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void launch() throws Exception {
        home = Files.createTempDirectory("inboxsync-way-back");
        // one real Page (from a stand-in Facebook) already added to the real home
        facebook = GraphSimulator.start(SimulatorConfig.small(77).withPages(1).withConversations(5));
        AppConfig real = new AppConfig(home, null, GraphSettings.defaults(facebook.baseUrl()).withCallsPerSecondPerPage(0));
        try (AppContext context = AppContext.open(real)) {
            context.pages().savePage(new PageProfile("real-page-1", "My Real Shop", "Shop"));
        }
        DesktopLauncher.configure(real);
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(DesktopApp.class);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
        facebook.close();
    }

    @Test
    void fromTheDemoBackToTheRealPagesAndAddPageInTheDemoOffersTheWayBack() throws Exception {
        waitUntil("the real Page is listed", 60, () -> pageNames().equals("My Real Shop"));
        assertFalse(robot.lookup("#leaveDemoButton").query().isVisible(), "no way back where there is no demo");

        robot.clickOn("#addPageMenu").clickOn("Try demo data");
        waitUntil("the three demo Pages are listed", 90, () -> robot.lookup(".page-cell .page-name").queryAll().size() == 3
                && !pageNames().contains("My Real Shop"));
        assertTrue(robot.lookup("#demoBanner").queryLabeled().isVisible());

        robot.clickOn("#addPageMenu").clickOn("Add a Page with a Page access token…");
        waitUntil("the demo says what it is", 10, () -> robot.lookup("#demo-way-back").tryQuery().isPresent());
        DialogPane offer = robot.lookup("#demo-way-back").queryAs(DialogPane.class);
        assertTrue(offer.getContentText().contains("knows no real token"), offer.getContentText());
        assertTrue(robot.lookup("#token-field").tryQuery().isEmpty(), "no token is asked for in the demo");
        robot.clickOn((Button) offer.lookupButton(offer.getButtonTypes().get(0)));

        waitUntil("the real Pages are back", 90, () -> pageNames().equals("My Real Shop"));
        assertFalse(robot.lookup("#demoBanner").queryLabeled().isVisible(), "no demo banner on the real Pages");
        assertEquals("Inbox Sync", ((Stage) robot.lookup("#pagesList").query().getScene().getWindow()).getTitle());

        robot.clickOn("#addPageMenu").clickOn("Try demo data");
        waitUntil("into the demo again", 90, () -> robot.lookup(".page-cell .page-name").queryAll().size() == 3);
        robot.clickOn("#leaveDemoButton");
        waitUntil("back again, with the button under the banner", 90, () -> pageNames().equals("My Real Shop"));
    }

    private String pageNames() {
        return String.join(",", robot.lookup(".page-cell .page-name").queryAllAs(javafx.scene.control.Labeled.class).stream()
                .map(javafx.scene.control.Labeled::getText).filter(t -> t != null && !t.isEmpty()).toList());
    }

    private static void waitUntil(String what, int seconds, Callable<Boolean> condition) throws Exception {
        try {
            FxWait.waitFor(seconds, TimeUnit.SECONDS, () -> {
                try {
                    return condition.call();
                } catch (RuntimeException e) {
                    return false;
                }
            });
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }
}
