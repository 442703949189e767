package app.inboxsync.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.app.PageImport;
import app.inboxsync.app.background.Background;
import app.inboxsync.domain.Folder;
import app.inboxsync.domain.PageGrant;
import app.inboxsync.domain.PageListing;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.domain.Secret;
import app.inboxsync.domain.SyncMode;
import app.inboxsync.read.PageSummary;
import app.inboxsync.read.TokenStatus;
import app.inboxsync.sync.RunOutcome.RunStatus;
import app.inboxsync.read.SyncRunRow;
import app.inboxsync.sync.BatchWrite;
import app.inboxsync.sync.SyncEvent;
import app.inboxsync.sync.SyncResult;
import app.inboxsync.ui.common.Toast;
import app.inboxsync.ui.settings.DesktopSettings;
import app.inboxsync.ui.sync.FullSyncCost;
import app.inboxsync.ui.sync.RunState;
import app.inboxsync.ui.sync.SyncBoard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The main window's logic with no window, no database and no thread: fakes of the syncs, the data and the dialogs. */
class MainViewModelTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");

    private final SyncBoard board = new SyncBoard();
    private final FakeSyncs syncs = new FakeSyncs();
    private final FakeData data = new FakeData();
    private final FakePrompts prompts = new FakePrompts();
    private final FakeTicker ticker = new FakeTicker();
    private final List<Toast> toasts = new ArrayList<>();
    private final List<DesktopSettings> saved = new ArrayList<>();
    private final StepClock clock = new StepClock();
    private final MainViewModel model = new MainViewModel(board, syncs, data, Background.currentThread(), prompts,
            toasts::add, clock, ticker, DesktopSettings.DEFAULTS, saved::add, 0);

    @Test
    void withoutPagesTheWelcomeStandsInAndNothingCanSync() {
        model.start();
        assertTrue(model.welcomeShownProperty().get());
        assertTrue(model.syncAllDisabledProperty().get());
        assertTrue(model.syncDisabledProperty().get());
        assertFalse(model.summaryVisibleProperty().get());
    }

    @Test
    void loadedPagesSelectTheFirstAndShowItsSummary() {
        data.pages.add(page("p1", "Bakery", "valid"));
        data.pages.add(page("p2", "Florist", "valid"));
        model.start();
        assertFalse(model.welcomeShownProperty().get());
        assertEquals("p1", model.pages().selected().orElseThrow().pageId());
        assertTrue(model.summaryVisibleProperty().get());
        assertEquals("Last sync (Bakery)", model.summaryTitleProperty().get());
        assertEquals("Never synced. Press Sync to copy its conversations.", model.summaryHeadlineProperty().get());
        assertFalse(model.syncDisabledProperty().get());
        assertTrue(model.cancelDisabledProperty().get());
    }

    @Test
    void aSyncStartsQueuedCountsLiveAndEndsWithTheLastRunAndTheTabsTold() {
        data.pages.add(page("p1", "Bakery", "valid"));
        model.start();
        List<SyncResult> heard = new ArrayList<>();
        model.whenSyncFinished(heard::add);

        model.syncSelected();
        assertEquals(List.of("p1"), syncs.started);
        assertEquals("Queued…", model.syncTextProperty().get());
        assertTrue(model.syncDisabledProperty().get());
        assertTrue(model.resetDisabledProperty().get());
        assertFalse(model.cancelDisabledProperty().get());

        board.on(new SyncEvent.Started("p1", "Bakery", SyncMode.FULL, 1, 200));
        board.on(new SyncEvent.Progress("p1", 50, new BatchWrite(50, 0, 0, 150, 0), 3));
        clock.advance(Duration.ofMillis(100));
        model.refresh();
        assertEquals("Syncing… (50)", model.syncTextProperty().get());
        assertEquals(0.25, model.progressProperty().get());
        assertEquals(1, model.liveProperty().get().size());

        int loadsBefore = data.listed;
        data.runs.put("p1", run("p1", "succeeded"));
        syncs.finish("p1", SyncResult.refused("p1", SyncResult.Status.SUCCEEDED, null));
        assertEquals(1, heard.size());
        assertEquals(loadsBefore + 1, data.listed, "the Pages are read again");
        assertEquals("Sync", model.syncTextProperty().get());
        assertFalse(model.syncDisabledProperty().get());
        assertTrue(model.summaryHeadlineProperty().get().startsWith("Inserted 15 • Updated 10"),
                model.summaryHeadlineProperty().get());
    }

    @Test
    void theFirstSyncSaysItIsSyncingNotNeverSynced() {
        data.pages.add(page("p1", "Bakery", "valid"));
        model.start();
        model.syncSelected();
        assertEquals(RunState.QUEUED, model.summaryStateProperty().get());
        assertEquals("Waiting for a free sync slot…", model.summaryHeadlineProperty().get());

        board.on(new SyncEvent.Started("p1", "Bakery", SyncMode.FULL, 1, 200));
        board.on(new SyncEvent.Progress("p1", 1, new BatchWrite(1, 0, 0, 3, 0), 1));
        clock.advance(Duration.ofMillis(100));
        model.refresh();
        assertEquals(RunState.SYNCING, model.summaryStateProperty().get());
        assertEquals("Syncing now · 1 conversation so far · 1 API call", model.summaryHeadlineProperty().get());
        assertEquals("First sync of this Page: conversations appear as they are stored.",
                model.summaryDetailsProperty().get());
    }

    @Test
    void aCancelledSyncShowsOneCountOfCallsInTheTableAndTheCardAndItsOwnState() {
        data.pages.add(page("p1", "Bakery", "valid"));
        model.start();
        model.syncSelected();
        board.on(new SyncEvent.Started("p1", "Bakery", SyncMode.FULL, 1, 200));
        board.on(new SyncEvent.Progress("p1", 50, new BatchWrite(50, 0, 0, 150, 0), 6));
        // five more calls (older messages) before the cancel landed: the final tally has them
        BatchWrite tally = new BatchWrite(50, 0, 0, 170, 0);
        board.on(new SyncEvent.Failed("p1", SyncResult.Status.CANCELLED, "Cancelled; what was synced is kept.",
                tally, 11, 50));
        data.runs.put("p1", new SyncRunRow(1, "p1", SyncMode.FULL, RunStatus.CANCELLED, T0, T0.plusSeconds(2), 50, 0, 0, 170, 0,
                11, null, "Cancelled; what was synced is kept."));
        syncs.finish("p1", new SyncResult("p1", SyncResult.Status.CANCELLED, SyncMode.FULL, tally, 11, 50,
                Duration.ofSeconds(2), "Cancelled; what was synced is kept."));
        clock.advance(Duration.ofSeconds(1));
        model.refresh();

        assertEquals(11, model.liveProperty().get().get("p1").apiCalls(), "the live table");
        assertTrue(model.summaryDetailsProperty().get().contains("11 API calls"), model.summaryDetailsProperty().get());
        assertEquals(RunState.CANCELLED, model.summaryStateProperty().get());
        assertEquals(RunState.CANCELLED, RunState.of(model.liveProperty().get().get("p1").phase()));
        assertTrue(model.summaryHeadlineProperty().get().startsWith("Cancelled · Inserted 50"),
                model.summaryHeadlineProperty().get());
    }

    @Test
    void syncAllSkipsAPageAlreadySyncingAndCancelStopsTheSelectedOne() {
        data.pages.add(page("p1", "Bakery", "valid"));
        data.pages.add(page("p2", "Florist", "valid"));
        model.start();
        model.syncSelected();
        model.syncAll();
        assertEquals(List.of("p1", "p2"), syncs.started, "p1 is not queued twice");

        model.cancelSelected();
        assertEquals(List.of("p1"), syncs.cancelled);
    }

    @Test
    void escapeCancelsTheRunningSyncOnlyOnceConfirmed() {
        data.pages.add(page("p1", "Bakery", "valid"));
        data.pages.add(page("p2", "Florist", "valid"));
        data.pages.add(page("p3", "Garage", "valid"));
        model.start();
        assertFalse(model.cancelRunning(), "nothing runs: Esc is not the window's");
        assertTrue(prompts.cancelAsked.isEmpty());

        model.syncSelected();
        prompts.confirm = false;
        assertTrue(model.cancelRunning());
        assertEquals(List.of("Bakery"), prompts.cancelAsked);
        assertTrue(syncs.cancelled.isEmpty(), "kept syncing");

        prompts.confirm = true;
        model.cancelRunning();
        assertEquals(List.of("p1"), syncs.cancelled);

        syncs.finish("p1", SyncResult.refused("p1", SyncResult.Status.CANCELLED, "Cancelled."));
        syncs.start(List.of("p2", "p3"), false, result -> { });
        model.cancelRunning();
        assertEquals("2 Pages", prompts.cancelAsked.get(prompts.cancelAsked.size() - 1),
                "the selected Page is not running: every sync of the window");
        assertEquals(List.of("p1", "p2", "p3"), syncs.cancelled);
    }

    @Test
    void autoSyncTicksSyncAllAndTheChoiceIsSavedAndSaid() {
        data.pages.add(page("p1", "Bakery", "valid"));
        model.start();
        assertNull(ticker.period, "off by default");

        model.chooseAutoSync(5);
        assertEquals(Duration.ofMinutes(5), ticker.period);
        assertEquals(5, model.autoSyncMinutesProperty().get());
        assertEquals(5, saved.get(saved.size() - 1).autoSyncMinutes());
        assertEquals("Auto-sync", toasts.get(toasts.size() - 1).title());

        ticker.tick();
        assertEquals(List.of("p1"), syncs.started);

        model.chooseAutoSync(0);
        assertTrue(ticker.stopped);
        assertEquals("Off.", toasts.get(toasts.size() - 1).text());
    }

    @Test
    void settingsFromTheDialogMoveTheToolbarAndTheRhythmWithoutSavingAgain() {
        model.start();
        model.applySettings(DesktopSettings.DEFAULTS.withAutoSyncMinutes(15).withTheme(DesktopSettings.Theme.DARK));
        assertEquals(Duration.ofMinutes(15), ticker.period);
        assertEquals(15, model.autoSyncMinutesProperty().get());
        assertTrue(model.darkThemeProperty().get());
        assertTrue(saved.isEmpty());

        model.chooseTheme(false);
        assertEquals(DesktopSettings.Theme.LIGHT, saved.get(0).theme());
        assertEquals(15, saved.get(0).autoSyncMinutes());
    }

    @Test
    void resetAsksFirstThenForgetsTheWatermarkAndSyncsInFull() {
        data.pages.add(page("p1", "Bakery", "valid"));
        model.start();
        prompts.confirm = false;
        model.resetAndFullSync();
        assertTrue(data.fullSyncRequested.isEmpty());
        assertTrue(syncs.started.isEmpty());

        prompts.confirm = true;
        model.resetAndFullSync();
        assertEquals(List.of("p1"), data.fullSyncRequested);
        assertEquals(List.of("p1"), syncs.started);
        assertTrue(syncs.forcedFull);
    }

    @Test
    void aTokenFacebookRefusesBecomesOneSentenceAndAConnectedPageShows() {
        model.start();
        prompts.token = Optional.of(Secret.of("canary-token"));
        PageConnector refused = connector(false, token -> {
            throw new IllegalArgumentException("Facebook does not accept this token (it expired).");
        });
        refused.addPage();
        Toast error = toasts.get(toasts.size() - 1);
        assertEquals(Toast.Kind.ERROR, error.kind());
        assertEquals("Could not add the Page: Facebook does not accept this token (it expired).", error.text());
        assertFalse(error.text().contains("canary-token"));
        assertFalse(error.text().contains("Exception"));
        assertTrue(model.welcomeShownProperty().get());

        PageConnector accepted = connector(false, token -> {
            data.pages.add(page("p9", "Bakery", "valid"));
            return new PageProfile("p9", "Bakery", "Food");
        });
        accepted.addPage();
        Toast success = toasts.get(toasts.size() - 1);
        assertEquals(new Toast(Toast.Kind.SUCCESS, "Bakery", "Connected. Press Sync to copy the conversations."), success);
        assertFalse(model.welcomeShownProperty().get());
    }

    @Test
    void inTheDemoATokenIsNotAskedForButTheWayBackIsOffered() {
        List<String> left = new ArrayList<>();
        PageConnector demo = new PageConnector(tokens(t -> {
            throw new AssertionError("no token in the demo");
        }), Background.currentThread(), prompts, true, () -> left.add("left"), model::connected, model::imported,
                model::error);
        prompts.back = false;
        demo.importPages();
        assertEquals(List.of("import your Pages"), prompts.offeredBack);
        assertTrue(left.isEmpty());
        prompts.back = true;
        demo.addPage();
        assertEquals(List.of("left"), left);
        assertEquals(0, prompts.tokensAsked);
    }

    @Test
    void anImportSaysHowManyPagesWereAddedAndWhyOthersWereSkipped() {
        model.start();
        PageProfile bakery = new PageProfile("p1", "Bakery", "Food");
        PageProfile florist = new PageProfile("p2", "Florist", "Shop");
        model.imported(new PageImport(List.of(bakery, florist), List.of(new PageListing.Unusable(
                new PageProfile("p3", "Cafe", "Food"), "your role on this Page does not include messages")), 4));
        Toast said = toasts.get(toasts.size() - 1);
        assertEquals(Toast.Kind.SUCCESS, said.kind());
        assertEquals("2 Pages added · 5 skipped", said.title());
        assertEquals("Skipped: 4 not chosen, 1 can't be synced with this token (Cafe: your role on this Page does not "
                + "include messages). Press Sync all to copy the conversations.", said.text());

        model.imported(new PageImport(List.of(bakery), List.of(), 0));
        assertEquals(new Toast(Toast.Kind.SUCCESS, "1 Page added", "Press Sync all to copy the conversations."),
                toasts.get(toasts.size() - 1));
        model.imported(new PageImport(List.of(), List.of(), 0));
        assertEquals("That token manages no Page.", toasts.get(toasts.size() - 1).text());
    }

    @Test
    void aDatabaseThatCannotBeReadIsSaidOnce() {
        data.failing = true;
        model.start();
        assertEquals(1, toasts.size());
        assertEquals("Could not load the Pages: the database is not reachable", toasts.get(0).text());
    }

    // ---- fakes ---------------------------------------------------------------------------------------------

    private PageConnector connector(boolean demo, java.util.function.Function<Secret, PageProfile> add) {
        return new PageConnector(tokens(add), Background.currentThread(), prompts, demo, () -> { },
                model::connected, model::imported, model::error);
    }

    private static PageConnector.Tokens tokens(java.util.function.Function<Secret, PageProfile> add) {
        return new PageConnector.Tokens() {
            @Override
            public PageProfile add(Secret pageToken) {
                return add.apply(pageToken);
            }

            @Override
            public PageListing list(Secret userToken) {
                return new PageListing(List.of(new PageGrant(add.apply(userToken), userToken)), List.of());
            }

            @Override
            public PageImport importPages(Secret userToken, java.util.function.Predicate<PageProfile> chosen) {
                return new PageImport(List.of(add.apply(userToken)), List.of(), 0);
            }

            @Override
            public PageProfile reconnect(String pageId, Secret pageToken) {
                return add.apply(pageToken);
            }
        };
    }

    private static PageSummary page(String id, String name, String tokenStatus) {
        return new PageSummary(id, name, "Food", null, Folder.ALL, TokenStatus.parse(tokenStatus), null, 100, 1000, 1000,
                null, null, null, 0);
    }

    private static SyncRunRow run(String pageId, String status) {
        return new SyncRunRow(1, pageId, SyncMode.INCREMENTAL, RunStatus.valueOf(status.toUpperCase(java.util.Locale.ROOT)), T0, T0.plusSeconds(2), 15, 10, 75, 120, 3, 4, T0, null);
    }

    private static final class FakeSyncs implements Syncs {
        final List<String> started = new ArrayList<>();
        final List<String> cancelled = new ArrayList<>();
        final Set<String> busy = new HashSet<>();
        final Map<String, Consumer<SyncResult>> running = new HashMap<>();
        boolean forcedFull;

        @Override
        public boolean busy(String pageId) {
            return busy.contains(pageId);
        }

        @Override
        public void start(List<String> pageIds, boolean forceFull, Consumer<SyncResult> whenDone) {
            started.addAll(pageIds);
            busy.addAll(pageIds);
            pageIds.forEach(id -> running.put(id, whenDone));
            forcedFull |= forceFull;
        }

        @Override
        public void cancel(String pageId) {
            cancelled.add(pageId);
        }

        void finish(String pageId, SyncResult result) {
            busy.remove(pageId);
            running.remove(pageId).accept(result);
        }
    }

    private static final class FakeData implements MainData {
        final List<PageSummary> pages = new ArrayList<>();
        final Map<String, SyncRunRow> runs = new HashMap<>();
        final List<String> fullSyncRequested = new ArrayList<>();
        int listed;
        boolean failing;

        @Override
        public List<PageSummary> listPages() {
            if (failing) {
                throw new IllegalStateException("the database is not reachable");
            }
            listed++;
            return List.copyOf(pages);
        }

        @Override
        public Optional<SyncRunRow> lastRun(String pageId) {
            return Optional.ofNullable(runs.get(pageId));
        }

        @Override
        public void requestFullSync(String pageId) {
            fullSyncRequested.add(pageId);
        }
    }

    private static final class FakePrompts implements Prompts {
        Optional<Secret> token = Optional.empty();
        boolean confirm;
        boolean back;
        int tokensAsked;
        final List<String> offeredBack = new ArrayList<>();
        final List<String> cancelAsked = new ArrayList<>();

        @Override
        public Optional<Secret> token(TokenQuestion question) {
            tokensAsked++;
            return token;
        }

        @Override
        public Optional<Set<String>> choosePages(PageListing listing) {
            return Optional.of(listing.grants().stream().map(g -> g.page().id()).collect(java.util.stream.Collectors.toSet()));
        }

        @Override
        public boolean confirmFullSync(String pageName, FullSyncCost cost) {
            return confirm;
        }

        @Override
        public boolean confirmCancel(String what) {
            cancelAsked.add(what);
            return confirm;
        }

        @Override
        public boolean wantsBackFromDemo(String what) {
            offeredBack.add(what);
            return back;
        }
    }

    private static final class FakeTicker implements Ticker {
        Duration period;
        Runnable tick;
        boolean stopped;

        @Override
        public Ticking every(Duration period, Runnable tick) {
            this.period = period;
            this.tick = tick;
            this.stopped = false;
            return () -> stopped = true;
        }

        void tick() {
            tick.run();
        }
    }

    private static final class StepClock extends Clock {
        private Instant now = T0;

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
