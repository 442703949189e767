package app.inboxsync.bench;

import app.inboxsync.sync.RunOutcome.RunStatus;
import app.inboxsync.app.AppConfig;
import app.inboxsync.app.AppContext;
import app.inboxsync.config.DatabaseSettings;
import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Secret;
import app.inboxsync.graph.GraphSettings;
import app.inboxsync.read.SyncRunRow;
import app.inboxsync.secrets.FileTokenVault;
import app.inboxsync.simulator.GraphSimulator;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.store.server.Database;
import app.inboxsync.sync.RunOutcome;
import app.inboxsync.ui.DesktopUi;
import app.inboxsync.ui.common.FxThread;
import app.inboxsync.ui.main.MainActions;
import app.inboxsync.ui.pages.PagesViewModel;
import app.inboxsync.ui.session.DesktopSession;
import app.inboxsync.ui.pages.PageItem;
import app.inboxsync.ui.settings.DesktopSettings;
import atlantafx.base.theme.PrimerLight;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.stage.Stage;

/**
 * The FX thread never stalls (issue 3): the real desktop window syncs one Page of many conversations, with the
 * simulator's latency and rate limit off so events come as fast as the machine allows, while {@link PulseGaps}
 * records the time between pulses and {@link FxBusyProbe} the FX thread's longest busy stretch. Needs a display
 * (the real glass toolkit, not the headless one the tests use): run it under {@code xvfb-run -a}.
 */
final class UiBench {
    static final double GOAL_MS = 100;
    private static final Duration SETTLE = Duration.ofSeconds(1);
    /** Pulses of the window doing nothing first: what the machine alone costs, to read the sync's numbers against. */
    private static final Duration IDLE_BASELINE = Duration.ofSeconds(5);

    private final DatabaseSettings databaseSettings;
    private final Path home;
    private final PrintWriter out;
    private final long latencyMs;
    private final double rate;

    /**
     * With {@code latencyMs} and {@code rate} 0 the sync goes as fast as this machine can (the worst case for the
     * window: the sync, the in-process simulator and PostgreSQL keep both cores busy); with Graph's real pace it
     * is what an admin sees.
     */
    UiBench(DatabaseSettings databaseSettings, Path home, PrintWriter out, long latencyMs, double rate) {
        this.databaseSettings = databaseSettings;
        this.home = home;
        this.out = out;
        this.latencyMs = latencyMs;
        this.rate = rate;
    }

    /** Fails with one sentence before anything starts when there is no display to open a window on. */
    static void requireDisplay() {
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        boolean x11 = !os.contains("win") && !os.contains("mac");
        if (x11 && (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank())) {
            throw new IllegalStateException(noDisplay());
        }
    }

    private static String noDisplay() {
        return "The ui scenario opens a real window and needs a display: run it as "
                + "xvfb-run -a java -jar target/inbox-sync.jar bench --scenarios ui";
    }

    BenchResult run(int conversations) {
        try (GraphSimulator sim = BenchScenarios.simulator(404, 1, conversations, latencyMs, rate)) {
            GraphSettings graph = GraphSettings.defaults(sim.baseUrl()).withCallsPerSecondPerPage(rate);
            try (AppContext app = AppContext.on(Database.connect(databaseSettings), graph, new FileTokenVault(home))) {
                SimPage page = sim.pages().get(0);
                app.pageConnections().add(Secret.of(page.token()));
                app.pages().setFolders(page.id(), List.of(Folder.INBOX));
                startToolkit();
                DesktopUi ui = FxThread.call(() -> showWindow(new AppConfig(home, null, graph), app));
                try {
                    return measure(ui, app, page, conversations);
                } finally {
                    FxThread.run(() -> {
                        ui.close();
                        ((Stage) ui.root().getScene().getWindow()).close();
                    });
                    Platform.exit();
                }
            }
        }
    }

    /**
     * An agency's window (issue 14): {@code pageCount} Pages in the sidebar, Sync all pressed, every Page syncing
     * through the coordinator (its default parallelism) while the pulses are recorded: the sidebar's 200 rows,
     * its count and sort, the live table and the round's toast all have to fit in the pulses.
     */
    BenchResult runMany(int pageCount, int conversationsPerPage) {
        try (GraphSimulator sim = BenchScenarios.simulator(405, pageCount, conversationsPerPage, latencyMs, rate)) {
            GraphSettings graph = GraphSettings.defaults(sim.baseUrl()).withCallsPerSecondPerPage(rate);
            try (AppContext app = AppContext.on(Database.connect(databaseSettings), graph, new FileTokenVault(home))) {
                for (SimPage page : sim.pages()) {
                    app.pageConnections().add(Secret.of(page.token()));
                    app.pages().setFolders(page.id(), List.of(Folder.INBOX));
                }
                startToolkit();
                DesktopUi ui = FxThread.call(() -> showWindow(new AppConfig(home, null, graph), app));
                try {
                    return measureMany(ui, app, sim.pages(), conversationsPerPage);
                } finally {
                    FxThread.run(() -> {
                        ui.close();
                        ((Stage) ui.root().getScene().getWindow()).close();
                    });
                    Platform.exit();
                }
            }
        }
    }

    private BenchResult measureMany(DesktopUi ui, AppContext app, List<SimPage> simPages, int conversationsPerPage) {
        PagesViewModel pages = ui.pages();
        FxThread.waitUntil(() -> pages.pages().size() == simPages.size(), Duration.ofSeconds(60), "the Pages in the sidebar");
        Thread fx = FxThread.call(Thread::currentThread);
        PulseGaps.Stats idle = pulsesWhile(() -> FxThread.pause(IDLE_BASELINE));
        HeapPeak heap = new HeapPeak().reset();
        UiThreadsCpu cpu = new UiThreadsCpu(fx);
        long start = System.nanoTime();
        PulseGaps.Stats during;
        String busiest;
        try (FxBusyProbe probe = new FxBusyProbe(fx)) {
            during = pulsesWhile(() -> {
                FxThread.run(() -> ((Button) ui.root().lookup("#syncAllButton")).fire());
                FxThread.waitUntil(() -> pages.pages().stream().allMatch(p -> p.live() != null && !p.live().phase().running()),
                        Duration.ofMinutes(paced() ? 120 : 20), "every sync to end");
                FxThread.pause(SETTLE);
            });
            busiest = String.format("longest FX busy stretch %.0f ms (sampled every 5 ms), in: %s", probe.longestMs(), probe.longestWhere());
        }
        double wall = (System.nanoTime() - start) / 1e9 - SETTLE.toMillis() / 1e3;
        int calls = 0;
        int inserted = 0;
        int messages = 0;
        for (SimPage page : simPages) {
            SyncRunRow run = app.runs().recent(page.id(), 1).get(0);
            if (run.status() != RunStatus.SUCCEEDED) {
                throw new IllegalStateException("A bench sync did not succeed: " + run.error());
            }
            calls += run.apiCalls();
            inserted += run.conversationsInserted();
            messages += run.messagesInserted();
        }
        String name = (paced() ? "ui paced, " : "ui, ") + simPages.size() + " Pages × " + conversationsPerPage + " conv";
        out.printf("%-26s %d calls, Sync all %.2f s, %d conversations, %d messages, peak heap %d MB%n",
                name, calls, wall, inserted, messages, heap.megabytes());
        out.printf("%-26s %s%n", "  during Sync all:", describe(during));
        out.printf("%-26s %s%n", "  idle window, no sync:", describe(idle));
        out.printf("%-26s FX thread %.0f ms CPU, render thread %.0f ms CPU; %s%n", "", cpu.fxMs(), cpu.renderMs(), busiest);
        out.flush();
        return new BenchResult(name, calls, 0, wall, 0, inserted, messages, heap.megabytes(),
                String.format("longest pulse gap %.0f ms < %.0f ms (p99 %.0f ms)", during.longestMs(), GOAL_MS, during.p99Ms()),
                during.longestMs() < GOAL_MS);
    }

    private BenchResult measure(DesktopUi ui, AppContext app, SimPage page, int conversations) {
        PagesViewModel pages = ui.pages();
        FxThread.waitUntil(() -> pages.find(page.id()).isPresent(), Duration.ofSeconds(60), "the Page in the sidebar");
        FxThread.run(() -> pages.selectedProperty().set(pages.find(page.id()).orElseThrow()));
        Thread fx = FxThread.call(Thread::currentThread);
        PulseGaps.Stats idle = pulsesWhile(() -> FxThread.pause(IDLE_BASELINE));
        HeapPeak heap = new HeapPeak().reset();
        UiThreadsCpu cpu = new UiThreadsCpu(fx);
        long start = System.nanoTime();
        PulseGaps.Stats during;
        String busiest;
        try (FxBusyProbe probe = new FxBusyProbe(fx)) {
            during = pulsesWhile(() -> {
                FxThread.run(() -> ((Button) ui.root().lookup("#syncButton")).fire());
                FxThread.waitUntil(() -> pages.find(page.id()).map(PageItem::live).map(l -> !l.phase().running())
                        .orElse(false), Duration.ofMinutes(paced() ? 60 : 10), "the sync to end");
                // the end of a sync reloads the Pages and the summary card: part of what must not stall
                FxThread.pause(SETTLE);
            });
            busiest = String.format("longest FX busy stretch %.0f ms (sampled every 5 ms), in: %s", probe.longestMs(), probe.longestWhere());
        }
        double wall = (System.nanoTime() - start) / 1e9 - SETTLE.toMillis() / 1e3;
        SyncRunRow run = app.runs().recent(page.id(), 1).get(0);
        if (run.status() != RunOutcome.RunStatus.SUCCEEDED) {
            throw new IllegalStateException("The bench sync did not succeed: " + run.error());
        }
        out.printf("%-26s %d calls, sync %.2f s, %d conversations, %d messages, peak heap %d MB%n",
                name(conversations), run.apiCalls(), wall, run.conversationsInserted(), run.messagesInserted(), heap.megabytes());
        out.printf("%-26s %s%n", "  during the sync:", describe(during));
        out.printf("%-26s %s%n", "  idle window, no sync:", describe(idle));
        out.printf("%-26s FX thread %.0f ms CPU, render thread %.0f ms CPU; %s%n", "", cpu.fxMs(), cpu.renderMs(), busiest);
        out.flush();
        return new BenchResult(name(conversations), run.apiCalls(), 0, wall, 0, run.conversationsInserted(),
                run.messagesInserted(), heap.megabytes(),
                String.format("longest pulse gap %.0f ms < %.0f ms (p99 %.0f ms)", during.longestMs(), GOAL_MS, during.p99Ms()),
                during.longestMs() < GOAL_MS);
    }

    /** Records the pulses while {@code meanwhile} runs (on this thread). */
    static PulseGaps.Stats pulsesWhile(Runnable meanwhile) {
        PulseGaps gaps = new PulseGaps();
        FxThread.run(gaps::start);
        try {
            meanwhile.run();
        } finally {
            FxThread.run(gaps::stop);
        }
        return FxThread.call(() -> gaps.stats(GOAL_MS));
    }

    static String describe(PulseGaps.Stats s) {
        return String.format("%d pulses, gap between pulses: longest %.1f ms (%.1f s in), 99th percentile %.1f ms, "
                        + "median %.1f ms; %d gaps over %.0f ms",
                s.pulses(), s.longestMs(), s.longestAtSecond(), s.p99Ms(), s.medianMs(), s.over(), GOAL_MS);
    }

    private boolean paced() {
        return rate > 0;
    }

    private String name(int conversations) {
        return (paced() ? "ui paced, " : "ui, ") + conversations + " conv";
    }

    static void startToolkit() {
        CountDownLatch started = new CountDownLatch(1);
        try {
            Platform.startup(started::countDown);
        } catch (UnsupportedOperationException | IllegalStateException e) {
            throw new IllegalStateException(noDisplay(), e);
        }
        try {
            if (!started.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("JavaFX did not start within 30 s.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting JavaFX.", e);
        }
        Platform.setImplicitExit(false);
    }

    private static DesktopUi showWindow(AppConfig config, AppContext app) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        DesktopUi ui = new DesktopUi(DesktopSession.real(config, app), DesktopSettings.DEFAULTS, new MainActions() {
            @Override
            public void tryDemo() {
            }

            @Override
            public void openSettings() {
            }

            @Override
            public void settingsChanged(DesktopSettings settings) {
            }
        }, Clock.systemDefaultZone());
        Stage stage = new Stage();
        stage.setTitle("Inbox Sync — bench");
        stage.setScene(new Scene(ui.root(), 1240, 800));
        stage.show();
        ui.start();
        return ui;
    }
}
