package app.inboxsync.ui.conversations;

import app.inboxsync.app.AppContext;
import app.inboxsync.media.MediaFiles;
import app.inboxsync.app.background.Background;
import app.inboxsync.export.ExportFormat;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.TagCatalog;
import app.inboxsync.ui.common.Fxml;
import app.inboxsync.ui.common.Notifier;
import app.inboxsync.ui.pages.PageItem;
import app.inboxsync.ui.pages.PagesViewModel;
import app.inboxsync.ui.sync.MediaChanged;
import app.inboxsync.ui.sync.SyncFinished;
import java.io.File;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.util.Duration;

/**
 * The "Conversations" tab: the offline browser (filters, a table paged and sorted by the database, tags,
 * export) beside the selected conversation's thread. It follows the Page selected in the sidebar and reloads
 * when a sync ends.
 */
public final class ConversationsTab {
    private static final String ANY_TAG = "Any tag";
    private static final Duration TYPING_PAUSE = Duration.millis(250);
    private final ConversationsViewModel model;
    private final ThreadViewModel thread;
    private final PagesViewModel pages;
    private final SyncFinished syncFinished;
    private final MediaChanged mediaChanged;
    private final ContactViewModel contact;
    private final TagCatalog catalog;
    private final Background background;
    private final Consumer<String> openLink;
    private final ThreadMedia media;
    private final ZoneId zone = ZoneId.systemDefault();
    private final ObservableList<String> tagFilterItems = FXCollections.observableArrayList(ANY_TAG);
    private final Tab tab = new Tab("Conversations");

    @FXML private javafx.scene.layout.BorderPane root;
    @FXML private TextField searchField;
    @FXML private HBox folderFilter;
    @FXML private ComboBox<String> tagFilter;
    @FXML private CheckBox unreadOnly;
    @FXML private CheckBox allPages;
    @FXML private DatePicker fromDate;
    @FXML private DatePicker untilDate;
    @FXML private Label countLabel;
    @FXML private Label placeholder;
    @FXML private TableView<ConversationItem> table;
    @FXML private ComboBox<String> tagChoice;
    @FXML private Button applyTagButton;
    @FXML private Button removeTagButton;
    @FXML private Label selectionLabel;
    @FXML private StackPane threadHolder;
    @FXML private StackPane contactHolder;
    /** A sync ended while the tab was hidden: read again when it is opened. */
    private boolean staleSinceSync;

    /**
     * A tab of the window whose sidebar is {@code pages}: reads through {@code app}, works on {@code background},
     * toasts to {@code notifier}, reads again when {@code syncFinished} says a sync ended.
     *
     * @param media the media store's files (its pictures are shown inline), or null to show attachments as links
     * @param mediaChanged where the thread hears that files were stored, to draw the pictures it said were not yet
     */
    public ConversationsTab(AppContext app, Background background, Notifier notifier, PagesViewModel pages,
                            SyncFinished syncFinished, MediaFiles media, MediaChanged mediaChanged) {
        this.media = media == null ? null : ThreadMedia.over(media, app.mediaQueue());
        this.catalog = app.tagCatalog();
        this.model = new ConversationsViewModel(app.browse(), app.tags(), catalog, app.conversations(), background,
                notifier, ZoneId.systemDefault());
        this.background = background;
        this.contact = new ContactViewModel(app.notes(), app.contacts(), background);
        this.thread = new ThreadViewModel(app.browse(), background);
        this.pages = pages;
        this.syncFinished = syncFinished;
        this.mediaChanged = mediaChanged;
        this.openLink = new SystemBrowser(background, notifier);
        tab.setId("conversationsTab");
        tab.setContent(Fxml.CONVERSATIONS.load(this));
    }

    private String pageName(String pageId) {
        return pages.find(pageId).map(PageItem::name).orElse(pageId);
    }

    public Tab tab() {
        return tab;
    }

    @FXML
    private void initialize() {
        ConversationColumns.configure(table, model.sortProperty(), model.allPagesProperty(),
                model.folderProperty().isNull(), this::pageName, model::tagStyle, Clock.system(zone));
        FolderChoice.fill(folderFilter, model.folderProperty());
        table.itemsProperty().bind(model.rowsProperty());
        countLabel.textProperty().bind(model.statusProperty());
        ThreadPane threadPane = new ThreadPane(thread, openLink, zone, media);
        threadHolder.getChildren().add(threadPane);
        mediaChanged.whenMediaChanged(threadPane::mediaChanged);
        javafx.scene.control.ScrollPane contactScroll = new javafx.scene.control.ScrollPane();
        contactScroll.setFitToWidth(true);
        contactScroll.getStyleClass().add("edge-to-edge");
        contactHolder.getChildren().add(contactScroll);
        contactScroll.setContent(new ContactPane(contact, this::pageName, new ListTime(Clock.system(zone)), openLink,
                model::tagStyle));
        model.searchProperty().subscribe(words -> thread.find().wordsProperty().set(words)); // found words, marked
        thread.show(null);
        table.getSelectionModel().selectedItemProperty().flatMap(ConversationItem::rowProperty).addListener((o, was, row) -> {
            if (row != null) {
                thread.show(row);
                contact.show(row);
            }
        });
        table.getSelectionModel().getSelectedIndices().addListener((ListChangeListener<Integer>) c -> showSelectionSize());
        showSelectionSize();

        PauseTransition typing = new PauseTransition(TYPING_PAUSE);
        typing.setOnFinished(e -> model.searchProperty().set(searchField.getText()));
        searchField.textProperty().addListener((o, was, now) -> typing.playFromStart());
        searchField.setOnAction(e -> {
            typing.stop();
            model.searchProperty().set(searchField.getText());
        });
        searchField.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.DOWN && !table.getItems().isEmpty()) {
                // from the search to the list, as mail clients do; the table's own arrows take it from there
                table.requestFocus();
                if (table.getSelectionModel().isEmpty()) {
                    table.getSelectionModel().clearAndSelect(0);
                    table.getFocusModel().focus(0);
                }
                e.consume();
            }
        });
        // Esc anywhere in the tab clears a search; with no search it is left to the window (a dialog, a cancel)
        root.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !searchField.getText().isEmpty()) {
                typing.stop();
                searchField.clear();
                model.searchProperty().set("");
                e.consume();
            }
        });
        tagChoice.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER) {
                applyTag(); // Enter in the tag box puts the typed (or chosen) tag on the selection
            }
        });
        unreadOnly.selectedProperty().bindBidirectional(model.unreadOnlyProperty());
        allPages.selectedProperty().bindBidirectional(model.allPagesProperty());
        fromDate.valueProperty().bindBidirectional(model.fromProperty());
        untilDate.valueProperty().bindBidirectional(model.untilProperty());
        tagFilter.setItems(tagFilterItems);
        tagFilter.setValue(ANY_TAG);
        tagFilter.valueProperty().addListener((o, was, now) -> model.tagProperty().set(ANY_TAG.equals(now) ? null : now));
        tagChoice.setItems(model.knownTags());
        model.knownTags().addListener((ListChangeListener<String>) c -> showKnownTags());

        pages.selectedProperty().addListener((o, was, page) -> model.pageIdProperty().set(page == null ? null : page.pageId()));
        // As the History tab: hidden, it reads again only once it is opened (after "Sync all" of many Pages, one
        // database read and one cell layout, not one per Page for a list nobody is looking at).
        syncFinished.whenSyncFinished(result -> {
            if (tab.isSelected()) {
                reloadAfterSync();
            } else {
                staleSinceSync = true;
            }
        });
        tab.selectedProperty().addListener((o, was, now) -> {
            if (now && staleSinceSync) {
                reloadAfterSync();
            }
        });
        model.pageIdProperty().set(pages.selected().map(PageItem::pageId).orElse(null));
        tab.tabPaneProperty().addListener((o, was, pane) -> {
            if (pane != null) {
                pane.sceneProperty().addListener((ob, old, scene) -> installShortcut(scene, pane));
                installShortcut(pane.getScene(), pane);
            }
        });
        model.reload();
    }

    private void reloadAfterSync() {
        staleSinceSync = false;
        model.reload();
        thread.refresh();
    }

    /** Ctrl+F (Cmd+F on macOS) brings this tab forward and puts the cursor in the search field. */
    private void installShortcut(Scene scene, TabPane pane) {
        if (scene != null) {
            if (scene.getProperties().putIfAbsent(ShortcutsSheet.class, Boolean.TRUE) != null) {
                return; // installed already (the scene listener and the first call both come here)
            }
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F1), () -> ShortcutsSheet.show(scene.getWindow()));
            scene.addEventHandler(KeyEvent.KEY_TYPED, e -> {
                if ("?".equals(e.getCharacter()) && !(scene.getFocusOwner() instanceof javafx.scene.control.TextInputControl)
                        && !(scene.getFocusOwner() instanceof ComboBox<?>)) {
                    ShortcutsSheet.show(scene.getWindow());
                    e.consume();
                }
            });
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), () -> {
                pane.getSelectionModel().select(tab);
                searchField.requestFocus();
                searchField.selectAll();
            });
        }
    }

    private void showKnownTags() {
        String chosen = model.tagProperty().get();
        tagFilterItems.setAll(FXCollections.observableArrayList(ANY_TAG));
        tagFilterItems.addAll(model.knownTags());
        if (chosen != null && !tagFilterItems.contains(chosen)) {
            tagFilterItems.add(chosen); // still filtering by it, though no conversation carries it any more
        }
        tagFilter.setValue(chosen == null ? ANY_TAG : chosen);
    }

    private void showSelectionSize() {
        int n = table.getSelectionModel().getSelectedIndices().size();
        selectionLabel.setText(n == 0 ? "Select conversations to tag them" : n == 1 ? "1 selected" : n + " selected");
        applyTagButton.setDisable(n == 0);
        removeTagButton.setDisable(n == 0);
    }

    private List<ConversationRow> selectedRows() {
        return model.rowsProperty().get().loaded(table.getSelectionModel().getSelectedItems());
    }

    @FXML
    private void applyTag() {
        model.tag(selectedRows(), tagText());
    }

    @FXML
    private void manageTags() {
        new TagManagerDialog(new TagManagerViewModel(catalog, background, model::reload),
                table.getScene() == null ? null : table.getScene().getWindow()).show();
    }

    @FXML
    private void removeTag() {
        model.untag(selectedRows(), tagText());
    }

    private String tagText() {
        String typed = tagChoice.getEditor().getText();
        return typed == null || typed.isBlank() ? tagChoice.getValue() : typed;
    }

    @FXML
    private void clearFilters() {
        searchField.clear();
        model.searchProperty().set("");
        tagFilter.setValue(ANY_TAG);
        model.folderProperty().set(null);
        unreadOnly.setSelected(false);
        fromDate.setValue(null);
        untilDate.setValue(null);
    }

    @FXML
    private void export() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export conversations");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("CSV (spreadsheets)", "*.csv"),
                new FileChooser.ExtensionFilter("JSON", "*.json"));
        chooser.setInitialFileName("conversations.csv");
        File file = chooser.showSaveDialog(table.getScene() == null ? null : table.getScene().getWindow());
        if (file == null) {
            return;
        }
        boolean json = file.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".json")
                || chooser.getSelectedExtensionFilter() != null && chooser.getSelectedExtensionFilter().getDescription().equals("JSON")
                && !file.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
        model.export(file.toPath(), json ? ExportFormat.JSON : ExportFormat.CSV);
    }
}
