package app.inboxsync.ui.main;

import app.inboxsync.app.Plural;
import app.inboxsync.app.background.Background;
import app.inboxsync.app.PageImport;
import app.inboxsync.domain.PageListing;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.read.PageSummary;
import app.inboxsync.read.SyncRunRow;
import app.inboxsync.sync.SyncResult;
import app.inboxsync.ui.common.FoldedRead;
import app.inboxsync.ui.common.Notifier;
import app.inboxsync.ui.common.Toast;
import app.inboxsync.ui.pages.PageItem;
import app.inboxsync.ui.pages.PagesViewModel;
import app.inboxsync.ui.settings.DesktopSettings;
import app.inboxsync.ui.sync.FullSyncCost;
import app.inboxsync.ui.sync.PageProgress;
import app.inboxsync.ui.sync.RunState;
import app.inboxsync.ui.sync.SummaryText;
import app.inboxsync.ui.sync.SyncBoard;
import app.inboxsync.ui.sync.SyncFinished;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * What the main window shows, as read-only properties: the sync buttons, the progress line, the summary card,
 * whether the welcome view stands in for the tabs, the toolbar's auto-sync and theme. Fed from the
 * {@link SyncBoard}'s snapshot (read on the window's clock, {@link #refresh()}) and from the
 * {@link PagesViewModel}; the controller binds to it and forwards the buttons. Needs no FX toolkit: tests drive
 * it with fakes on their own thread.
 */
public final class MainViewModel implements SyncFinished {
    /** Relative times ("a minute ago") and the summary card are redrawn this often even when no sync moves. */
    private static final Duration SLOW_REFRESH = Duration.ofSeconds(1);

    private final PagesViewModel pages = new PagesViewModel();
    private final SyncBoard board;
    private final Syncs syncs;
    private final MainData data;
    private final Background background;
    private final Prompts prompts;
    private final Notifier notifier;
    private final Clock clock;
    private final AutoSync autoSync;
    private final Consumer<DesktopSettings> settingsChanged;
    private final double callsPerSecondPerPage;
    private final List<Consumer<SyncResult>> syncFinishedListeners = new ArrayList<>();
    private DesktopSettings settings;
    private long seenVersion = -1;
    private Instant lastSlowRefresh = Instant.EPOCH;
    private SyncRunRow lastRun;
    private final FoldedRead<List<PageSummary>> pagesRead;

    private final ReadOnlyStringWrapper syncText = new ReadOnlyStringWrapper("Sync");
    private final ReadOnlyBooleanWrapper syncDisabled = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper cancelDisabled = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper resetDisabled = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyBooleanWrapper syncAllDisabled = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper progressText = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper summaryVisible = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper summaryTitle = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summaryHeadline = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summaryDetails = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RunState> summaryState = new ReadOnlyObjectWrapper<>(RunState.NEVER_SYNCED);
    private final ReadOnlyBooleanWrapper welcomeShown = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyObjectWrapper<Map<String, PageProgress>> live = new ReadOnlyObjectWrapper<>(Map.of());
    private final ReadOnlyIntegerWrapper autoSyncMinutes = new ReadOnlyIntegerWrapper();
    private final ReadOnlyBooleanWrapper darkTheme = new ReadOnlyBooleanWrapper();

    /**
     * @param background      where the database work runs; its handlers run on the window's thread
     * @param ticker          the auto-sync's clock
     * @param settingsChanged told when the toolbar changed a setting (to save it)
     */
    public MainViewModel(SyncBoard board, Syncs syncs, MainData data, Background background, Prompts prompts,
                         Notifier notifier, Clock clock, Ticker ticker, DesktopSettings settings,
                         Consumer<DesktopSettings> settingsChanged, double callsPerSecondPerPage) {
        this.board = board;
        this.syncs = syncs;
        this.data = data;
        this.background = background;
        this.prompts = prompts;
        this.notifier = notifier;
        this.clock = clock;
        this.autoSync = new AutoSync(ticker, this::syncAll);
        this.settings = settings;
        this.settingsChanged = settingsChanged;
        this.callsPerSecondPerPage = callsPerSecondPerPage;
        this.pagesRead = new FoldedRead<>(background, "load the Pages", data::listPages, this::showPages, this::error);
        showSettings();
        pages.selectedProperty().addListener((o, was, now) -> showSelectedPage());
        showSelectedPage();
    }

    /** Starts auto-sync and loads the Pages; call once the window shows. */
    public void start() {
        autoSync.every(settings.autoSyncMinutes());
        reloadPages();
    }

    public void stop() {
        autoSync.stop();
    }

    public PagesViewModel pages() {
        return pages;
    }

    /** Tells {@code listener} (on the window's thread) when a Page's sync started from this window has ended. */
    @Override
    public void whenSyncFinished(Consumer<SyncResult> listener) {
        syncFinishedListeners.add(listener);
    }

    // ---- the clock: live progress, toasts, relative times -------------------------------------------------

    /** Reads the board; cheap when nothing changed. The window calls it every 100 ms. */
    public void refresh() {
        Instant now = clock.instant();
        for (Toast toast : board.dueToasts(now)) {
            notifier.notify(toast);
        }
        long version = board.version();
        boolean slow = Duration.between(lastSlowRefresh, now).compareTo(SLOW_REFRESH) >= 0;
        if (version == seenVersion && !slow) {
            return;
        }
        seenVersion = version;
        Map<String, PageProgress> snapshot = board.snapshot();
        pages.apply(snapshot, now);
        live.set(snapshot);
        showSyncControls();
        // the card follows a running sync as closely as the progress line does; otherwise only its "ago" moves
        if (slow || selectedLive().isPresent()) {
            lastSlowRefresh = slow ? now : lastSlowRefresh;
            showSummary();
        }
    }

    /** The selected Page's sync as this window runs it (queued, running or just ended), if any. */
    private Optional<PageProgress> selectedLive() {
        return pages.selected().map(PageItem::live);
    }

    private void showSyncControls() {
        Optional<PageItem> page = pages.selected();
        PageProgress now = page.map(PageItem::live).orElse(null);
        boolean running = page.isPresent() && syncs.busy(page.get().pageId());
        syncText.set(running && now != null ? syncingLabel(now) : "Sync");
        syncDisabled.set(page.isEmpty() || running);
        cancelDisabled.set(!running);
        resetDisabled.set(page.isEmpty() || running);
        syncAllDisabled.set(pages.pages().isEmpty());
        if (now == null) {
            progress.set(0);
            progressText.set("");
            return;
        }
        progress.set(now.phase().running() ? now.fraction() : now.phase() == PageProgress.Phase.SUCCEEDED ? 1 : 0);
        progressText.set(ProgressWords.of(now));
    }

    /** The old app's live counter: "Syncing… (250)". */
    static String syncingLabel(PageProgress live) {
        return live.phase() == PageProgress.Phase.QUEUED ? "Queued…" : "Syncing… (" + live.seen() + ")";
    }

    // ---- the selected Page and its summary card -----------------------------------------------------------

    private void showSelectedPage() {
        welcomeShown.set(pages.pages().isEmpty());
        String shownId = pages.selected().map(PageItem::pageId).orElse(null);
        if (lastRun != null && !lastRun.pageId().equals(shownId)) {
            lastRun = null; // another Page: its card is not this one's (the same Page keeps it until re-read)
        }
        showSyncControls();
        showSummary();
        pages.selected().ifPresent(page -> background.run("read the last sync of " + page.name(),
                () -> data.lastRun(page.pageId()),
                run -> {
                    if (isSelected(page.pageId())) {
                        lastRun = run.orElse(null);
                        showSummary();
                    }
                },
                this::error));
    }

    private boolean isSelected(String pageId) {
        return pages.selected().filter(p -> p.pageId().equals(pageId)).isPresent();
    }

    private void showSummary() {
        Optional<PageItem> page = pages.selected();
        summaryVisible.set(page.isPresent());
        if (page.isEmpty()) {
            return;
        }
        summaryTitle.set(SummaryText.title(page.get().name()));
        PageProgress live = page.get().live();
        if (live != null && live.phase().running() && syncs.busy(page.get().pageId())) {
            summaryTitle.set(page.get().name()); // not "Last sync (…)": this one is still going
            // this window's own sync: the board's figures, the same ones the live table shows
            summaryState.set(RunState.of(live.phase()));
            summaryHeadline.set(SummaryText.running(live));
            summaryDetails.set(lastRun == null ? "First sync of this Page: conversations appear as they are stored."
                    : "Before this: " + SummaryText.headline(lastRun, clock.instant()));
        } else if (lastRun == null) {
            summaryState.set(RunState.NEVER_SYNCED);
            summaryHeadline.set("Never synced. Press Sync to copy its conversations.");
            summaryDetails.set(page.get().summary().tokenValid() ? "" : "Reconnect the Page first: Facebook refused its token.");
        } else {
            summaryState.set(RunState.ofStored(lastRun.status()));
            summaryHeadline.set(SummaryText.headline(lastRun, clock.instant()));
            summaryDetails.set(SummaryText.details(lastRun) + "\n" + SummaryText.copy(page.get().summary()));
        }
    }

    // ---- syncing -------------------------------------------------------------------------------------------

    public void syncSelected() {
        pages.selected().ifPresent(p -> startSyncs(List.of(p), false));
    }

    public void syncAll() {
        startSyncs(List.copyOf(pages.pages()), false);
    }

    public void cancelSelected() {
        pages.selected().ifPresent(p -> syncs.cancel(p.pageId()));
    }

    /**
     * Esc: cancels the running sync once the user confirms: the selected Page's, or else every sync this window
     * runs ("Sync all"). Returns false when nothing runs (the key is then not the window's).
     */
    public boolean cancelRunning() {
        List<PageItem> running = pages.pages().stream().filter(p -> syncs.busy(p.pageId())).toList();
        if (running.isEmpty()) {
            return false;
        }
        List<PageItem> toCancel = pages.selected().filter(p -> syncs.busy(p.pageId())).map(List::of).orElse(running);
        String what = toCancel.size() == 1 ? toCancel.get(0).name() : Plural.of(toCancel.size(), "Page");
        if (prompts.confirmCancel(what)) {
            toCancel.forEach(p -> syncs.cancel(p.pageId()));
        }
        return true;
    }

    /** Asks first what a full sync of the selected Page would cost; then forgets its watermark and syncs it in full. */
    public void resetAndFullSync() {
        Optional<PageItem> selected = pages.selected();
        if (selected.isEmpty()) {
            return;
        }
        PageItem page = selected.get();
        FullSyncCost cost = FullSyncCost.estimate(page.summary().conversations(), page.summary().folders().size(),
                callsPerSecondPerPage);
        if (!prompts.confirmFullSync(page.name(), cost)) {
            return;
        }
        background.run("reset " + page.name(), () -> {
            data.requestFullSync(page.pageId());
            return page;
        }, ok -> startSyncs(List.of(page), true), this::error);
    }

    /** Starts what is not already running; Pages already syncing are skipped, not queued twice. */
    private void startSyncs(List<PageItem> toSync, boolean forceFull) {
        List<PageItem> idle = toSync.stream().filter(p -> !syncs.busy(p.pageId())).toList();
        idle.forEach(p -> board.queued(p.pageId(), p.name()));
        syncs.start(idle.stream().map(PageItem::pageId).toList(), forceFull, this::finished);
        refresh();
    }

    private void finished(SyncResult result) {
        reloadPages();
        if (isSelected(result.pageId())) {
            showSelectedPage();
        }
        syncFinishedListeners.forEach(l -> l.accept(result));
    }

    // ---- Pages ---------------------------------------------------------------------------------------------

    /** Reads the Pages again; asks while a read runs fold into one more (200 Pages ending one by one: a few reads). */
    public void reloadPages() {
        pagesRead.ask();
    }

    private void showPages(List<PageSummary> stored) {
        boolean wasEmpty = pages.pages().isEmpty();
        pages.load(stored, clock.instant());
        pages.apply(board.snapshot(), clock.instant());
        if (wasEmpty != pages.pages().isEmpty()) {
            showSelectedPage();
        }
        showSyncControls();
    }

    /** Pages were added or reconnected with a token: says so, and shows them. */
    public void connected(List<PageProfile> added) {
        notifier.notify(new Toast(Toast.Kind.SUCCESS, added.size() == 1 ? added.get(0).name() : Plural.of(added.size(), "Page"),
                added.isEmpty() ? "That token manages no Page." : "Connected. Press Sync to copy the conversations."));
        reloadPages();
    }

    /** A user token's Pages were imported: how many were added, and how many were skipped and why. */
    public void imported(PageImport result) {
        int added = result.added().size();
        int skipped = result.notChosen() + result.unusable().size();
        if (added == 0 && skipped == 0) {
            notifier.notify(new Toast(Toast.Kind.INFO, "No Page", "That token manages no Page."));
            return;
        }
        String title = Plural.of(added, "Page") + " added" + (skipped == 0 ? "" : " · " + skipped + " skipped");
        List<String> why = new ArrayList<>();
        if (result.notChosen() > 0) {
            why.add(result.notChosen() + " not chosen");
        }
        if (!result.unusable().isEmpty()) {
            PageListing.Unusable first = result.unusable().get(0);
            why.add(result.unusable().size() + " can't be synced with this token (" + first.page().name() + ": "
                    + first.reason() + (result.unusable().size() > 1 ? "; …" : "") + ")");
        }
        String text = (why.isEmpty() ? "" : "Skipped: " + String.join(", ", why) + ". ")
                + (added == 0 ? "" : "Press Sync all to copy the conversations.");
        notifier.notify(new Toast(added == 0 ? Toast.Kind.WARNING : Toast.Kind.SUCCESS, title, text.strip()));
        reloadPages();
    }

    public void error(String message) {
        notifier.notify(new Toast(Toast.Kind.ERROR, "Something went wrong", message));
    }

    // ---- the toolbar's settings ----------------------------------------------------------------------------

    /** The user picked an auto-sync rhythm in the toolbar (0 or null: off). */
    public void chooseAutoSync(Integer minutes) {
        int m = minutes == null ? 0 : minutes;
        if (m == settings.autoSyncMinutes()) {
            return;
        }
        settings = settings.withAutoSyncMinutes(m);
        settingsChanged.accept(settings);
        showSettings();
        autoSync.every(m);
        notifier.notify(AutoSync.announcement(m));
    }

    public void chooseTheme(boolean dark) {
        settings = settings.withTheme(dark ? DesktopSettings.Theme.DARK : DesktopSettings.Theme.LIGHT);
        settingsChanged.accept(settings);
        showSettings();
    }

    /** Settings changed elsewhere (the Settings dialog): the toolbar shows them and auto-sync follows. */
    public void applySettings(DesktopSettings changed) {
        boolean autoSyncChanged = changed.autoSyncMinutes() != settings.autoSyncMinutes();
        settings = changed;
        showSettings();
        if (autoSyncChanged) {
            autoSync.every(changed.autoSyncMinutes());
        }
    }

    private void showSettings() {
        autoSyncMinutes.set(settings.autoSyncMinutes());
        darkTheme.set(settings.theme() == DesktopSettings.Theme.DARK);
    }

    // ---- what the window binds to --------------------------------------------------------------------------

    public ReadOnlyStringProperty syncTextProperty() {
        return syncText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty syncDisabledProperty() {
        return syncDisabled.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancelDisabledProperty() {
        return cancelDisabled.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty resetDisabledProperty() {
        return resetDisabled.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty syncAllDisabledProperty() {
        return syncAllDisabled.getReadOnlyProperty();
    }

    /** 0..1, or negative while the total is unknown (the bar sweeps). */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressTextProperty() {
        return progressText.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty summaryVisibleProperty() {
        return summaryVisible.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryTitleProperty() {
        return summaryTitle.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryHeadlineProperty() {
        return summaryHeadline.getReadOnlyProperty();
    }

    /** The card's icon: how the last (or the running) sync stands. */
    public ReadOnlyObjectProperty<RunState> summaryStateProperty() {
        return summaryState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryDetailsProperty() {
        return summaryDetails.getReadOnlyProperty();
    }

    /** No Page yet: the welcome view stands where the tabs are. */
    public ReadOnlyBooleanProperty welcomeShownProperty() {
        return welcomeShown.getReadOnlyProperty();
    }

    /** The board's last snapshot, for the live table. */
    public ReadOnlyObjectProperty<Map<String, PageProgress>> liveProperty() {
        return live.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty autoSyncMinutesProperty() {
        return autoSyncMinutes.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty darkThemeProperty() {
        return darkTheme.getReadOnlyProperty();
    }
}
