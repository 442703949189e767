package app.inboxsync.ui.settings;

import app.inboxsync.ui.FxWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.config.DatabaseSettings;
import app.inboxsync.secrets.FileTokenVault;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.store.TestDatabase;
import app.inboxsync.ui.DesktopFixture;
import app.inboxsync.ui.main.MainActions;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The gear opens Settings; a bad URL is explained inline and blocks Save; a good one is tested, saved and kept. */
@ExtendWith(ApplicationExtension.class)
class SettingsDialogTest {
    private DesktopFixture fx;
    private DesktopSettingsFile file;
    private DesktopSettings current = DesktopSettings.DEFAULTS;

    @Start
    void start(Stage stage) {
        fx = new DesktopFixture(SimulatorConfig.small(3).withPages(1).withConversations(5));
        file = new DesktopSettingsFile(fx.home);
        // wired as DesktopApp wires it, on the fixture's home
        SettingsEditor editor = new SettingsEditor(file, new SettingsSecrets(() -> new FileTokenVault(fx.home)),
                new app.inboxsync.ui.common.FxBackground(), toast -> fx.ui.toasts().notify(toast),
                new StartupConfig.Given(false, false, false));
        fx.actions = new MainActions() {
            @Override
            public void tryDemo() {
            }

            @Override
            public void openSettings() {
                editor.open(stage, current, changed -> {
                    current = changed;
                    fx.ui.applySettings(changed);
                });
            }

            @Override
            public void settingsChanged(DesktopSettings settings) {
                current = settings;
            }
        };
        fx.show(stage);
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    @Test
    void aBadUrlIsExplainedAndBlocksSaveUntilFixed(FxRobot robot) throws Exception {
        DatabaseSettings server = TestDatabase.server().settings("postgres");
        robot.clickOn("#settingsButton");
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#settings-dialog").tryQuery().isPresent());
        Button save = robot.lookup("#settings-save").queryButton();
        assertFalse(save.isDisabled(), "the defaults are valid");

        robot.clickOn("A PostgreSQL server");
        robot.clickOn("#urlField").write("postgres://localhost/inboxsync");
        Label message = robot.lookup("#databaseMessage").queryAs(Label.class);
        assertEquals("The URL must start with jdbc:postgresql:// (e.g. jdbc:postgresql://localhost:5432/inboxsync).",
                message.getText());
        assertTrue(message.isVisible());
        assertTrue(save.isDisabled());

        TextField url = robot.lookup("#urlField").queryAs(TextField.class);
        robot.interact(url::clear);
        robot.clickOn(url).write(server.jdbcUrl());
        robot.clickOn("#userField").write(server.user());
        robot.clickOn("#passwordField").write(server.password().reveal());
        assertFalse(message.isVisible());
        assertFalse(save.isDisabled());
        robot.clickOn("#testButton");
        Label result = robot.lookup("#connectionResult").queryAs(Label.class);
        FxWait.waitFor(20, TimeUnit.SECONDS, () -> result.getText().startsWith("Connected to PostgreSQL"));

        robot.clickOn(save);
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> Files.exists(file.path())
                && server.jdbcUrl().equals(file.load().databaseUrl()));
        assertEquals(server.user(), file.load().databaseUser());
        assertFalse(Files.readString(file.path()).contains(server.password().reveal()), "no secret in the settings file");
        assertEquals(server.password(), new SettingsSecrets(() -> new FileTokenVault(fx.home)).databasePassword().orElseThrow());
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup(".toast-text").queryAllAs(Label.class).stream()
                .anyMatch(l -> l.getText().equals("Restart Inbox Sync to use the new database.")));
    }

    @Test
    void escapeCancels(FxRobot robot) throws Exception {
        robot.clickOn("#settingsButton");
        FxWait.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#settings-dialog").tryQuery().isPresent());
        robot.clickOn("#versionField").eraseText(5).write("v26.0");
        robot.type(KeyCode.ESCAPE);
        FxWait.waitFor(5, TimeUnit.SECONDS, () -> robot.lookup("#settings-dialog").tryQuery().isEmpty());
        assertFalse(Files.exists(file.path()), "nothing saved");
    }
}
