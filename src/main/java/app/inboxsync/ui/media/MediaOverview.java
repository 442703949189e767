package app.inboxsync.ui.media;

import app.inboxsync.app.background.Background;
import app.inboxsync.media.MediaSummary;
import app.inboxsync.media.MediaQueue;
import app.inboxsync.ui.pages.PagesViewModel;
import app.inboxsync.ui.sync.MediaChanged;
import app.inboxsync.ui.sync.SyncFinished;
import app.inboxsync.ui.main.MainController;
import app.inboxsync.ui.pages.PageItem;
import app.inboxsync.ui.common.FoldedRead;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;

/**
 * The Overview's "Attachments" section: per Page, the files stored and pending (and any too large, gone or failed).
 * Read off the FX thread from one narrow query, when the window opens, when a sync ends, when the window's downloads
 * stored files and when the tab is shown.
 */
public final class MediaOverview {

    /** The one query this needs: per Page that has attachments, its counts by status and bytes stored. */
    @FunctionalInterface
    public interface Counts {
        List<MediaSummary> perPage();
    }

    private final Counts counts;
    private final Function<String, String> pageName;
    private final GridPane rows = new GridPane();
    private final Label state = new Label("Counting…");
    private final VBox node;
    private final FoldedRead<List<MediaSummary>> read;
    /** The rows drawn, by Page id. */
    private final Map<String, Row> shown = new HashMap<>();

    public MediaOverview(Counts counts, Function<String, String> pageName, Background background) {
        this.counts = counts;
        this.pageName = pageName;
        Label title = new Label("Attachments");
        title.getStyleClass().add("section-title");
        state.getStyleClass().add("text-muted");
        state.setWrapText(true);
        rows.setHgap(16);
        rows.setVgap(4);
        node = new VBox(6, title, rows, state);
        node.setId("mediaOverview");
        read = new FoldedRead<>(background, "count the attachments", counts::perPage, this::show,
                message -> state.setText("The attachment counts could not be read: " + message));
    }

    /** The counts in the app's database; what was synced but not listed yet is listed first, so it counts as pending. */
    public static Counts in(MediaQueue queue) {
        return () -> {
            queue.enqueue(null);
            return queue.summary(null);
        };
    }

    /** Puts the section at the end of the main window's Overview tab and keeps it current. */
    public static void addTo(MainController main, PagesViewModel pages, SyncFinished syncFinished,
                             MediaChanged mediaChanged, MediaQueue queue, Background background) {
        MediaOverview overview = new MediaOverview(in(queue), id -> pages.find(id).map(PageItem::name).orElse(id),
                background);
        // the window shows its welcome view instead of the tabs until a Page is added, so the tab pane is not in the
        // scene graph to look up: a tab added and taken away at once finds it through MainController's own method
        Tab probe = new Tab();
        main.addTab(probe);
        TabPane tabs = probe.getTabPane();
        tabs.getTabs().remove(probe);
        Tab tab = tabs.getTabs().get(0); // "Overview", as main.fxml has it
        Node content = tab.getContent() instanceof ScrollPane scroll ? scroll.getContent() : tab.getContent();
        ((Pane) content).getChildren().add(overview.node());
        syncFinished.whenSyncFinished(result -> overview.refresh());
        mediaChanged.whenMediaChanged(overview::refresh);
        tab.selectedProperty().addListener((o, was, now) -> {
            if (now) {
                overview.refresh();
            }
        });
        overview.refresh();
    }

    public Node node() {
        return node;
    }

    /** Reads the counts again (off the FX thread) and shows them; asks while a read runs fold into one more. */
    public void refresh() {
        read.ask();
    }

    /**
     * Per row, only what changed: with 200 Pages, rebuilding every row (two new labels each, styled and measured)
     * after each Page's sync and each batch's downloads kept the window from drawing for whole seconds.
     */
    private void show(List<MediaSummary> pages) {
        Map<String, Row> before = new HashMap<>(shown);
        shown.clear();
        int index = 0;
        // by name, as the sidebar and the Syncs table above list them (the store answers by Page id)
        java.text.Collator byName = java.text.Collator.getInstance();
        List<MediaSummary> sorted = pages.stream()
                .sorted(java.util.Comparator.comparing((MediaSummary m) -> pageName.apply(m.pageId()), byName)).toList();
        for (MediaSummary s : sorted) {
            Row row = before.remove(s.pageId());
            boolean added = row == null;
            row = added ? new Row(s.pageId()) : row;
            row.show(index++, pageName.apply(s.pageId()), MediaOverviewText.line(s));
            if (added) {
                rows.getChildren().addAll(row.name, row.line);
            }
            shown.put(s.pageId(), row);
        }
        for (Row gone : before.values()) {
            rows.getChildren().removeAll(gone.name, gone.line);
        }
        String words = MediaOverviewText.state(pages);
        state.setText(words);
        state.setVisible(!words.isEmpty());
        state.setManaged(!words.isEmpty());
    }

    /** One Page's row: its name and its line, kept while the Page has attachments, redrawn only when they change. */
    private static final class Row {
        private final Label name = new Label();
        private final Label line = new Label();

        Row(String pageId) {
            line.setId("media-" + pageId);
        }

        void show(int index, String pageName, String words) {
            if (!pageName.equals(name.getText())) {
                name.setText(pageName);
            }
            if (!words.equals(line.getText())) {
                line.setText(words);
            }
            Integer at = GridPane.getRowIndex(name);
            if (at == null || at != index) {
                GridPane.setConstraints(name, 0, index);
                GridPane.setConstraints(line, 1, index);
            }
        }
    }
}
