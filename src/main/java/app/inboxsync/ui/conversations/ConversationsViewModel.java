package app.inboxsync.ui.conversations;

import app.inboxsync.app.background.Background;
import app.inboxsync.domain.Folder;
import app.inboxsync.export.ExportFormat;
import app.inboxsync.export.PageExport;
import app.inboxsync.read.ConversationBrowsing;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.read.ConversationStream;
import app.inboxsync.read.ConversationTagging;
import app.inboxsync.read.TagCatalog;
import app.inboxsync.ui.common.Notifier;
import app.inboxsync.ui.common.Toast;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Conversations tab's state: the filter (Page or all Pages, search, tag, unread, dates), the order, and the
 * rows as {@link ConversationWindows} fetched by the database a window at a time. Every change of filter or order
 * is one {@link #reload()}; answers to an older reload are dropped, so fast typing never shows stale rows.
 */
public final class ConversationsViewModel {
    private final ConversationBrowsing browse;
    private final ConversationTagging tags;
    private final TagCatalog catalog;
    private final ConversationStream export;
    private final Background background;
    private final Notifier notifier;
    private final ZoneId zone;
    private final StringProperty pageId = new SimpleStringProperty();
    private final BooleanProperty allPages = new SimpleBooleanProperty();
    private final StringProperty search = new SimpleStringProperty("");
    private final StringProperty tag = new SimpleStringProperty();
    private final BooleanProperty unreadOnly = new SimpleBooleanProperty();
    private final ObjectProperty<LocalDate> from = new SimpleObjectProperty<>();
    private final ObjectProperty<LocalDate> until = new SimpleObjectProperty<>();
    /** Null: every folder. */
    private final ObjectProperty<Folder> folder = new SimpleObjectProperty<>();
    private final ObjectProperty<ConversationSort> sort = new SimpleObjectProperty<>(ConversationSort.NEWEST_FIRST);
    private final ReadOnlyObjectWrapper<ConversationWindows> rows = new ReadOnlyObjectWrapper<>(
            new ConversationWindows(0, List.of(), (o, l, d) -> { }));
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ObservableList<String> knownTags = FXCollections.observableArrayList();
    private final java.util.Map<String, TagColour> tagColours = new java.util.HashMap<>();
    private long generation;

    public ConversationsViewModel(ConversationBrowsing browse, ConversationTagging tags, TagCatalog catalog,
                                  ConversationStream export, Background background, Notifier notifier, ZoneId zone) {
        this.browse = browse;
        this.tags = tags;
        this.catalog = catalog;
        this.export = export;
        this.background = background;
        this.notifier = notifier;
        this.zone = zone;
        // Every filter or order change is a new query; the view debounces typing before it sets the search.
        List.of(pageId, allPages, search, tag, unreadOnly, from, until, folder, sort)
                .forEach(p -> p.addListener((o, was, now) -> reload()));
    }

    /** What the rows show now. A Page must be chosen unless "All pages" is on. */
    public ConversationFilter filter() {
        return new ConversationFilter(allPages.get() ? null : pageId.get(), search.get(), tag.get(), unreadOnly.get(),
                null, null).withDays(from.get(), until.get(), zone).withFolder(folder.get());
    }

    private boolean nothingToShow() {
        return !allPages.get() && pageId.get() == null;
    }

    /** Counts and loads the first window in the background, then swaps the rows in. */
    public void reload() {
        long mine = ++generation;
        ConversationFilter f = filter();
        ConversationSort s = sort.get();
        if (nothingToShow()) {
            rows.set(new ConversationWindows(0, List.of(), (o, l, d) -> { }));
            status.set("");
            return;
        }
        status.set("Loading…");
        background.run("load the conversations", () -> new FirstLoad(browse.firstWindow(f, s, ConversationWindows.WINDOW),
                        tags.inUse(f.pageId()), catalog.colours()),
                first -> {
                    if (mine == generation) {
                        rows.set(new ConversationWindows(first.count(), first.rows(), (offset, limit, done) ->
                                loadWindow(mine, f, s, offset, limit, done)));
                        status.set(first.first().more() ? String.format("%,d+ conversations", first.count())
                                : countWords(first.count()));
                        tagColours.clear();
                        first.colours().forEach((name, colour) -> tagColours.put(name, TagColour.of(colour)));
                        // the Page's tags, and those made in the tag manager that no conversation carries yet
                        java.util.TreeSet<String> known = new java.util.TreeSet<>(first.tags());
                        first.colours().keySet().stream().filter(t -> !first.tags().contains(t)).forEach(known::add);
                        if (!knownTags.equals(List.copyOf(known))) {
                            knownTags.setAll(known);
                        }
                    }
                },
                message -> {
                    if (mine == generation) {
                        status.set(message);
                    }
                });
    }

    private record FirstLoad(ConversationBrowsing.FirstWindow first, List<String> tags, java.util.Map<String, String> colours) {
        int count() {
            return first.count();
        }

        List<ConversationRow> rows() {
            return first.rows();
        }
    }

    private void loadWindow(long mine, ConversationFilter f, ConversationSort s, int offset, int limit,
                            java.util.function.Consumer<List<ConversationRow>> done) {
        background.run("load the conversations", () -> browse.window(f, s, offset, limit), loaded -> {
            if (mine == generation) {
                done.accept(loaded);
            }
        }, message -> {
            if (mine == generation) {
                rows.get().failed(offset);
                status.set(message);
            }
        });
    }

    static String countWords(int count) {
        return count == 1 ? "1 conversation" : String.format("%,d conversations", count);
    }

    /** Adds {@code tagName} to the conversations (creating the tag if new), then reloads. */
    public void tag(List<ConversationRow> conversations, String tagName) {
        changeTags(conversations, tagName, true);
    }

    public void untag(List<ConversationRow> conversations, String tagName) {
        changeTags(conversations, tagName, false);
    }

    private void changeTags(List<ConversationRow> conversations, String tagName, boolean add) {
        String t = ConversationTagging.normalize(tagName);
        if (t == null || conversations.isEmpty()) {
            notifier.notify(new Toast(Toast.Kind.INFO, "Tags", t == null ? "Type a tag name first."
                    : "Select one or more conversations first (Ctrl or Shift + click selects several)."));
            return;
        }
        List<String> ids = conversations.stream().map(ConversationRow::conversationId).toList();
        background.run(add ? "tag the conversations" : "remove the tag", () -> add ? tags.add(ids, t) : tags.remove(ids, t),
                changed -> {
                    notifier.notify(new Toast(Toast.Kind.SUCCESS, "Tag \"" + t + "\"", (add ? "Added to " : "Removed from ")
                            + countWords(changed) + "."));
                    reload();
                }, this::error);
    }

    /** Writes the filtered conversations with all their messages; a toast says what was written where. */
    public void export(Path target, ExportFormat format) {
        ConversationFilter f = filter();
        background.run("export the conversations", () -> new PageExport(export).export(f, format, target),
                written -> notifier.notify(new Toast(Toast.Kind.SUCCESS, "Export complete",
                        "Wrote " + countWords((int) written.conversations()) + " with " + String.format("%,d", written.messages())
                                + (written.messages() == 1 ? " message" : " messages") + " to " + target.toAbsolutePath() + ".")),
                this::error);
    }

    private void error(String message) {
        notifier.notify(new Toast(Toast.Kind.ERROR, "Conversations", message));
    }

    public StringProperty pageIdProperty() {
        return pageId;
    }

    public BooleanProperty allPagesProperty() {
        return allPages;
    }

    public StringProperty searchProperty() {
        return search;
    }

    public StringProperty tagProperty() {
        return tag;
    }

    public BooleanProperty unreadOnlyProperty() {
        return unreadOnly;
    }

    public ObjectProperty<LocalDate> fromProperty() {
        return from;
    }

    public ObjectProperty<LocalDate> untilProperty() {
        return until;
    }

    public ObjectProperty<Folder> folderProperty() {
        return folder;
    }

    public ObjectProperty<ConversationSort> sortProperty() {
        return sort;
    }

    public ReadOnlyObjectProperty<ConversationWindows> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** A tag chip's inline style (its colour), as last read. */
    public String tagStyle(String tag) {
        return tagColours.getOrDefault(tag, TagColour.BLUE).chipStyle();
    }

    public ObservableList<String> knownTags() {
        return knownTags;
    }
}
