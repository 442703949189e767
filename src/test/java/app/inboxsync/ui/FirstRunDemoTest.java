package app.inboxsync.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.app.AppConfig;
import app.inboxsync.graph.GraphSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The README's first experience, through the real {@link DesktopApp}: an empty home opens on the welcome view;
 * "Try demo data" starts the simulator and its own embedded database; Ctrl+Shift+R syncs every demo Page.
 */
class FirstRunDemoTest {
    private Application app;
    private Path home;
    private final FxRobot robot = new FxRobot();

    @BeforeEach
    void launch() throws Exception {
        home = Files.createTempDirectory("inboxsync-first-run");
        DesktopLauncher.configure(new AppConfig(home, null,
                GraphSettings.defaults("https://graph.facebook.com").withCallsPerSecondPerPage(0)));
        FxToolkit.registerPrimaryStage();
        app = FxToolkit.setupApplication(DesktopApp.class);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupApplication(app);
        FxToolkit.cleanupStages();
    }

    private static void waitUntil(String what, int seconds, Callable<Boolean> condition) throws Exception {
        try {
            // lookups run on this thread while the FX thread swaps views: a node caught mid-swap means "not yet"
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

    @Test
    void twoClicksFromAnEmptyHomeToARealSync() throws Exception {
        waitUntil("the welcome view shows", 60, () -> robot.lookup("#welcomeDemo").tryQuery().isPresent());
        javafx.scene.control.Button demo = robot.lookup("#welcomeDemo").queryButton();
        waitUntil("the welcome view is in the window", 10, () -> demo.getScene() != null && demo.getScene().getWindow() != null);
        robot.clickOn(demo);
        waitUntil("the three demo Pages are listed", 90, () -> robot.lookup(".page-cell .page-name").queryAll().size() == 3);
        assertTrue(robot.lookup("#demoBanner").queryLabeled().isVisible(), "the window says it shows demo data");

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R).release(KeyCode.R, KeyCode.SHIFT, KeyCode.CONTROL);
        waitUntil("every Page synced", 120, () -> robot.lookup(".page-cell .page-status").queryAllAs(Labeled.class).stream()
                .allMatch(l -> l.getText().startsWith("Synced a few seconds ago · 400 conversations")));
        waitUntil("one live row per Page, each done", 10, () -> robot.lookup(".live-table .table-row-cell").queryAll().stream()
                .filter(row -> rowText(row).contains("|Succeeded|Full|400|400|")).count() == 3);
        assertTrue(Files.exists(home.resolve("demo").resolve("tokens.properties")), "demo tokens stay in the demo home's file");
    }

    private static String rowText(javafx.scene.Node row) {
        StringBuilder b = new StringBuilder();
        row.lookupAll(".table-cell").forEach(c -> b.append(((Labeled) c).getText()).append('|'));
        return b.toString();
    }
}
