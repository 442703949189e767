package app.inboxsync.app;

import app.inboxsync.domain.Secret;
import app.inboxsync.secrets.FileTokenVault;
import app.inboxsync.simulator.GraphSimulator;
import app.inboxsync.simulator.SimConversation;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;

/**
 * Demo data for people without a Facebook Page: the bundled Graph simulator, started in this process, and its
 * Pages added to a database of their own ({@code demo/} under the home), so fake Pages never mix with real ones
 * (a later "Sync all" would try their fake tokens on Facebook).
 */
public final class DemoWorld implements AutoCloseable {
    /** Three Pages of 400 conversations, answering like Facebook does (100 ms a call). */
    public static final SimulatorConfig DEFAULT = SimulatorConfig.small(42).withPages(3).withConversations(400)
            .withLatency(Duration.ofMillis(100));

    private final GraphSimulator simulator;
    private final AppContext app;
    private final List<SimPage> pagesWithNewActivity = new java.util.ArrayList<>();

    private DemoWorld(GraphSimulator simulator, AppContext app) {
        this.simulator = simulator;
        this.app = app;
    }

    /**
     * Starts the simulator, opens {@code config}'s database with the Graph client pointed at the simulator, and
     * adds the simulator's Pages; Pages already there from an earlier visit get new activity first.
     */
    public static DemoWorld start(AppConfig config, SimulatorConfig world) {
        GraphSimulator simulator = GraphSimulator.start(world);
        try {
            // the simulator's tokens are fake: they belong in the demo home's file, not in the user's keychain
            AppContext app = AppContext.open(new AppConfig(config.home(), config.database(),
                    config.graph().withBaseUrl(simulator.baseUrl())), new FileTokenVault(config.home()));
            DemoWorld demo = new DemoWorld(simulator, app);
            demo.addPages();
            return demo;
        } catch (RuntimeException e) {
            simulator.close();
            throw e;
        }
    }

    /** The demo home ({@code demo/} under the home): beside, never inside, the real Pages' database. */
    public static Path demoHome(Path home) {
        return home.resolve("demo");
    }

    /**
     * Where the desktop's "Try demo data" and the CLI's {@code demo} both keep the demo: the demo home, on an
     * embedded database of its own even when the real Pages live in a PostgreSQL server ({@code --db-url}), so
     * pretend Pages never reach the real database, where a later "Sync all" would send their tokens to Facebook.
     */
    public static AppConfig configFor(AppConfig real) {
        return new AppConfig(demoHome(real.home()), null, real.graph());
    }

    private void addPages() {
        for (SimPage page : simulator.pages()) {
            if (app.pages().findPage(page.id()).isPresent()) {
                addActivity(page);
                pagesWithNewActivity.add(page);
            }
            app.pageConnections().add(Secret.of(page.token()));
        }
    }

    /** On a second visit the Pages are known: new messages make the incremental sync worth watching. */
    private void addActivity(SimPage page) {
        List<SimConversation> all = simulator.conversations(page.id());
        Random random = new Random();
        for (int i = 0; i < 10 && !all.isEmpty(); i++) {
            simulator.addMessage(all.get(random.nextInt(all.size())).id(), true, "Hello again 👋 (demo message " + (i + 1) + ")");
        }
        simulator.addConversation(page.id(), "inbox", 3);
    }

    /** The Pages that got 10 new messages and a new conversation since the last visit. */
    public List<SimPage> pagesWithNewActivity() {
        return List.copyOf(pagesWithNewActivity);
    }

    public AppContext app() {
        return app;
    }

    public GraphSimulator simulator() {
        return simulator;
    }

    @Override
    public void close() {
        app.close();
        simulator.close();
    }
}
