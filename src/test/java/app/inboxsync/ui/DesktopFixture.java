package app.inboxsync.ui;

import app.inboxsync.app.AppConfig;
import app.inboxsync.app.AppContext;
import app.inboxsync.domain.Secret;
import app.inboxsync.graph.GraphSettings;
import app.inboxsync.secrets.FileTokenVault;
import app.inboxsync.simulator.GraphSimulator;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.store.TestDatabase;
import app.inboxsync.ui.main.MainActions;
import app.inboxsync.ui.session.DesktopSession;
import app.inboxsync.ui.settings.DesktopSettings;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The real desktop UI on real parts: the Graph simulator over HTTP, a fresh database on the embedded PostgreSQL,
 * the real Graph client and sync engine, the window in a (headless) stage.
 */
public final class DesktopFixture implements AutoCloseable {
    public final GraphSimulator sim;
    public final AppContext app;
    public final Path home;
    public final AppConfig config;
    public final List<String> actionsAsked = new CopyOnWriteArrayList<>();
    public DesktopUi ui;
    /** What the window asks of the app around it; when null (the default), the asks are only recorded. */
    public MainActions actions;
    /** The saved settings the window opens with. */
    public DesktopSettings settings = DesktopSettings.DEFAULTS;

    public DesktopFixture(SimulatorConfig world) {
        this.sim = GraphSimulator.start(world);
        try {
            this.home = Files.createTempDirectory("inboxsync-ui-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GraphSettings graph = GraphSettings.defaults(sim.baseUrl()).withCallsPerSecondPerPage(0)
                .withRetries(3, Duration.ofMillis(1));
        this.config = new AppConfig(home, null, graph);
        this.app = AppContext.on(TestDatabase.fresh(), graph, new FileTokenVault(home));
    }

    /** Adds the simulator's Pages as a user would (their tokens identified by Graph, kept in the vault). */
    public DesktopFixture withPages() {
        for (SimPage page : sim.pages()) {
            app.pageConnections().add(Secret.of(page.token()));
        }
        return this;
    }

    public SimPage page(int i) {
        return sim.pages().get(i);
    }

    /** Call from a TestFX {@code @Start} method (on the FX thread). */
    public void show(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        ui = new DesktopUi(DesktopSession.real(config, app), settings, actions != null ? actions : new MainActions() {
            @Override
            public void tryDemo() {
                actionsAsked.add("tryDemo");
            }

            @Override
            public void openSettings() {
                actionsAsked.add("openSettings");
            }

            @Override
            public void settingsChanged(DesktopSettings settings) {
                actionsAsked.add("settingsChanged");
            }
        }, Clock.systemUTC());
        stage.setScene(new Scene(ui.root(), 1200, 800));
        // TestFX shares one stage between test classes: a test that resized it (ChatThreadTest narrows it) would
        // otherwise leave every later window at its size, the toolbar's buttons cut off
        stage.sizeToScene();
        stage.show();
        ui.start();
    }

    @Override
    public void close() {
        if (ui != null) {
            ui.close();
        }
        app.close();
        sim.close();
    }
}
