package app.inboxsync.ui.tour;

import app.inboxsync.concurrent.DaemonThreads;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.ui.common.FxThread;
import app.inboxsync.ui.conversations.ConversationItem;
import app.inboxsync.ui.main.LiveRow;
import app.inboxsync.ui.sync.PageProgress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Node;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The README's screenshots, taken by {@code packaging/screenshots.sh}: with {@code INBOXSYNC_SCREENSHOT_TOUR=<dir>}
 * set, the app walks itself through its main views the way a newcomer would (welcome, "Try demo data", "Sync
 * all", the summary card, every tab, the dark theme), pressing the real buttons. At each view it asks for a
 * screenshot by creating {@code <dir>/<name>.wanted} (holding its caption) and waits until the script has saved {@code <dir>/<name>.png},
 * then quits. Off unless the variable is set; it only presses what a user could press.
 */
public final class ScreenshotTour {
    public static final String VARIABLE = "INBOXSYNC_SCREENSHOT_TOUR";
    private static final Duration SETTLE = Duration.ofMillis(1500);
    private final Path dir;
    private final Stage stage;

    private ScreenshotTour(Path dir, Stage stage) {
        this.dir = dir;
        this.stage = stage;
    }

    /** Starts the tour in the background when the environment asks for it; call once the stage is showing. */
    public static void startIfAsked(Map<String, String> environment, Stage stage) {
        String dir = environment.get(VARIABLE);
        if (dir == null || dir.isBlank()) {
            return;
        }
        ScreenshotTour tour = new ScreenshotTour(Path.of(dir), stage);
        DaemonThreads.named("screenshot-tour").newThread(tour::walk).start();
    }

    private void walk() {
        try {
            FxThread.run(this::fillScreen);
            FxThread.waitUntil(() -> shown("#welcomeDemo"), Duration.ofMinutes(2), "the welcome view");
            shot("01-welcome", "Welcome: add a Page with its token, import all your Pages, or try the demo data");

            press("#welcomeDemo");
            FxThread.waitUntil(() -> shown("#pagesList") && !node(ListView.class, "#pagesList").getItems().isEmpty()
                    && !node(ButtonBase.class, "#syncAllButton").isDisabled(), Duration.ofMinutes(2), "the demo Pages");
            FxThread.pause(SETTLE);

            press("#syncAllButton");
            // a round of several Pages has no toast per Page: one sums it up when the last Page ends
            FxThread.waitUntil(() -> liveRows().stream().anyMatch(p -> p.seen() > 0), Duration.ofMinutes(1), "live rows");
            shot("02-sync-all-live", "Sync all on the demo data: the counter on the Sync button, one live row per Page");

            FxThread.waitUntil(() -> !liveRows().isEmpty() && liveRows().stream().noneMatch(p -> p.phase().running()),
                    Duration.ofMinutes(5), "the syncs to end");
            FxThread.waitUntil(() -> all(".toast").isEmpty(), Duration.ofSeconds(30), "the toasts to fade");
            shot("03-summary", "After the sync: the summary card (from sync_runs) and each Page's last sync in the sidebar");

            List<Tab> tabs = FxThread.call(() -> List.copyOf(node(TabPane.class, "#tabs").getTabs()));
            for (int i = 1; i < tabs.size(); i++) {
                Tab tab = tabs.get(i);
                FxThread.run(() -> tab.getTabPane().getSelectionModel().select(tab));
                FxThread.pause(SETTLE.multipliedBy(2));
                openAConversation(tab);
                shot(String.format("%02d-tab-%s", 3 + i, slug(tab.getText())), "The " + tab.getText() + " tab");
            }

            FxThread.run(() -> tabs.get(0).getTabPane().getSelectionModel().select(0));
            press("#themeToggle");
            FxThread.pause(SETTLE);
            shot(String.format("%02d-dark", 3 + tabs.size()), "The dark theme");
        } catch (RuntimeException e) {
            write("tour-failed.txt", e.getMessage());
        } finally {
            Platform.exit();
        }
    }

    /**
     * On the Conversations tab, a thread open beside the list shows what the browser is for: among the first rows,
     * the one with the most messages that still fit the pane (a chat, not one "Thanks!").
     */
    @SuppressWarnings("unchecked")
    private void openAConversation(Tab tab) {
        if (!"conversationsTab".equals(tab.getId())) {
            return;
        }
        TableView<ConversationItem> table = node(TableView.class, ".conversations-table");
        FxThread.waitUntil(() -> !table.getItems().isEmpty() && table.getItems().get(0).row() != null,
                Duration.ofSeconds(30), "the conversations list");
        FxThread.run(() -> {
            int best = 0;
            int most = -1;
            for (int i = 0; i < Math.min(30, table.getItems().size()); i++) {
                ConversationRow row = table.getItems().get(i).row();
                if (row != null && row.messagesShown() > most && row.messagesShown() <= 8) {
                    best = i;
                    most = row.messagesShown();
                }
            }
            table.getSelectionModel().select(best);
        });
        FxThread.pause(SETTLE);
    }

    /** The window fills the (virtual) screen, so a screenshot of the screen is one of the window. */
    private void fillScreen() {
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        stage.setX(screen.getMinX());
        stage.setY(screen.getMinY());
        stage.setWidth(screen.getWidth());
        stage.setHeight(screen.getHeight());
    }

    private void shot(String name, String caption) {
        FxThread.pause(SETTLE);
        write(name + ".wanted", caption);
        Path png = dir.resolve(name + ".png");
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!Files.exists(png)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Nobody saved " + png + " (is packaging/screenshots.sh running?).");
            }
            FxThread.pause(Duration.ofMillis(100));
        }
    }

    private void write(String file, String text) {
        try {
            Files.writeString(dir.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void press(String selector) {
        FxThread.run(() -> node(ButtonBase.class, selector).fire());
    }

    private boolean shown(String selector) {
        Node n = stage.getScene().getRoot().lookup(selector);
        return n != null && n.isVisible() && n.getScene() != null;
    }

    private <T extends Node> T node(Class<T> type, String selector) {
        return type.cast(stage.getScene().getRoot().lookup(selector));
    }

    private Set<Node> all(String selector) {
        return stage.getScene().getRoot().lookupAll(selector);
    }

    @SuppressWarnings("unchecked")
    private List<PageProgress> liveRows() {
        return ((TableView<LiveRow>) node(TableView.class, "#liveTable")).getItems().stream().map(LiveRow::progress).toList();
    }

    static String slug(String title) {
        String s = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "tab" : s;
    }
}
