package app.inboxsync.ui.media;

import app.inboxsync.app.background.Background;
import app.inboxsync.media.MediaSummary;
import app.inboxsync.media.MediaQueue;
import app.inboxsync.ui.pages.PagesViewModel;
import app.inboxsync.ui.sync.MediaChanged;
import app.inboxsync.ui.sync.SyncFinished;
import app.inboxsync.ui.main.MainController;
import app.inboxsync.ui.pages.PageItem;
import java.util.List;
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
    private final Background background;
    private final GridPane rows = new GridPane();
    private final Label state = new Label("Counting…");
    private final VBox node;

    public MediaOverview(Counts counts, Function<String, String> pageName, Background background) {
        this.counts = counts;
        this.pageName = pageName;
        this.background = background;
        Label title = new Label("Attachments");
        title.getStyleClass().add("section-title");
        state.getStyleClass().add("text-muted");
        state.setWrapText(true);
        rows.setHgap(16);
        rows.setVgap(4);
        node = new VBox(6, title, rows, state);
        node.setId("mediaOverview");
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

    /** Reads the counts again (off the FX thread) and shows them. */
    public void refresh() {
        background.run("count the attachments", counts::perPage, this::show,
                message -> state.setText("The attachment counts could not be read: " + message));
    }

    private void show(List<MediaSummary> pages) {
        rows.getChildren().clear();
        int row = 0;
        for (MediaSummary s : pages) {
            Label name = new Label(pageName.apply(s.pageId()));
            Label line = new Label(MediaOverviewText.line(s));
            line.setId("media-" + s.pageId());
            rows.addRow(row++, name, line);
        }
        String words = MediaOverviewText.state(pages);
        state.setText(words);
        state.setVisible(!words.isEmpty());
        state.setManaged(!words.isEmpty());
    }
}
