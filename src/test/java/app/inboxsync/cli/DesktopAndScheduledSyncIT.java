package app.inboxsync.cli;

import app.inboxsync.ui.FxWait;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.app.AppConfig;
import app.inboxsync.app.AppContext;
import app.inboxsync.domain.Secret;
import app.inboxsync.graph.GraphSettings;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.read.SyncRunRow;
import app.inboxsync.secrets.FileTokenVault;
import app.inboxsync.simulator.GraphSimulator;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.sync.RunOutcome.RunStatus;
import app.inboxsync.sync.StoredCopy;
import app.inboxsync.ui.DesktopUi;
import app.inboxsync.ui.main.MainActions;
import app.inboxsync.ui.session.DesktopSession;
import app.inboxsync.ui.settings.DesktopSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The desktop app open on a home while a scheduled CLI sync (its own JVM, as cron runs it) works on the same
 * embedded database: the CLI joins the app's server as a client; whichever comes second for a Page is refused
 * clearly and does nothing; afterwards the copy equals Facebook's data with nothing doubled.
 */
@ExtendWith(ApplicationExtension.class)
class DesktopAndScheduledSyncIT {
    private GraphSimulator sim;
    private AppContext app;
    private DesktopUi ui;
    private Path home;
    private CliProcess cron;
    private SimPage page;

    @Start
    void start(Stage stage) throws Exception {
        sim = GraphSimulator.start(SimulatorConfig.small(71).withPages(1).withConversations(600).withLatency(Duration.ofMillis(40)));
        page = sim.pages().get(0);
        home = Files.createTempDirectory("inboxsync-desktop-cron").resolve("home");
        GraphSettings graph = GraphSettings.defaults(sim.baseUrl()).withCallsPerSecondPerPage(0);
        AppConfig config = new AppConfig(home, null, graph);
        app = AppContext.open(config, new FileTokenVault(home));
        app.pageConnections().add(Secret.of(page.token()));
        cron = new CliProcess(home, Map.of("INBOXSYNC_GRAPH_URL", sim.baseUrl(), "INBOXSYNC_RATE", "0",
                "INBOXSYNC_TOKEN_STORE", "file"));
        ui = new DesktopUi(DesktopSession.real(config, app), DesktopSettings.DEFAULTS, new MainActions() {
            @Override
            public void tryDemo() {
            }

            @Override
            public void openSettings() {
            }

            @Override
            public void settingsChanged(DesktopSettings settings) {
            }
        }, Clock.systemUTC());
        stage.setScene(new Scene(ui.root(), 1100, 700));
        stage.show();
        ui.start();
    }

    @AfterEach
    void tearDown() {
        ui.close();
        app.close();
        sim.close();
    }

    private static void waitUntil(String what, Callable<Boolean> condition) throws Exception {
        try {
            FxWait.waitFor(120, TimeUnit.SECONDS, condition);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting until " + what, e);
        }
    }

    private List<SyncRunRow> runs() {
        return app.runs().recent(page.id(), 20);
    }

    @Test
    void theAppAndACronSyncShareTheDatabaseWithoutDoublingAnything(FxRobot robot) throws Exception {
        waitUntil("the Page is listed", () -> !robot.lookup(".page-cell").queryAll().isEmpty());

        // 1. the app syncs; cron's sync all comes second and leaves that Page to it
        robot.clickOn("#syncButton");
        waitUntil("the app's first batch is written", () -> robot.lookup("#syncButton").queryButton().getText().matches("Syncing… \\([1-9]\\d*\\)"));
        sim.setLatency(Duration.ofMillis(500)); // the app's sync goes on while cron's JVM starts, whatever the load
        CliProcess.Outcome refused = cron.runAs("cron-1", "sync", "--all", "--json");
        sim.setLatency(Duration.ZERO);
        assertEquals(0, refused.exit(), refused.all()); // sync --all leaves the Page to the app: a notice
        assertTrue(refused.all().contains("is syncing elsewhere")
                || refused.all().contains("was synced elsewhere during this round"), refused.all());
        waitUntil("the app's sync ends", () -> "Sync".equals(robot.lookup("#syncButton").queryButton().getText())
                && runs().stream().noneMatch(r -> r.status() == RunStatus.RUNNING));

        // 2. cron syncs (new activity on Facebook meanwhile); the app's Sync comes second and is told so, kindly
        for (ConversationRow c : app.browse().window(ConversationFilter.page(page.id()), ConversationSort.NEWEST_FIRST, 0, 30)) {
            sim.addMessage(c.conversationId(), true, "Is my order ready? " + c.conversationId());
        }
        sim.setLatency(Duration.ofMillis(500));
        Process cronSync = cron.start("sync", "--page", page.id(), "--full", "--json");
        waitUntil("cron's sync holds the Page", () -> runs().stream().anyMatch(r -> r.status() == RunStatus.RUNNING));
        robot.clickOn("#syncButton");
        waitUntil("the app says another process is syncing", () -> robot.lookup(".toast-text").queryAllAs(Labeled.class).stream()
                .anyMatch(l -> l.getText().contains("already running")));
        sim.setLatency(Duration.ZERO);
        assertTrue(cronSync.waitFor(120, TimeUnit.SECONDS), "cron's sync finishes");
        assertEquals(0, cronSync.exitValue());

        // 3. the copy equals the simulator's data field for field (StoredCopy: expected values from the simulator's
        // raw data, no production code), every conversation once, every message once
        StoredCopy.assertEqualsSimulator(sim, app.database().dataSource(), page.id());
        List<ConversationRow> stored = app.browse().window(ConversationFilter.page(page.id()), ConversationSort.NEWEST_FIRST, 0, 10_000);
        assertEquals(sim.conversations(page.id()).size(), stored.size());
        long storedMessages = stored.stream().mapToLong(c -> app.conversations().messages(c.conversationId()).size()).sum();
        long simMessages = sim.conversations(page.id()).stream().mapToLong(c -> sim.messages(c.id()).size()).sum();
        assertEquals(simMessages, storedMessages, "no message lost or doubled");
        assertTrue(runs().stream().allMatch(r -> r.status() == RunStatus.SUCCEEDED), "the refused syncs left no run behind: " + runs());
    }
}
