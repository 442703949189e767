package app.inboxsync.ui.conversations;

import app.inboxsync.read.ConversationTagging;
import app.inboxsync.app.Plural;
import app.inboxsync.app.background.Background;
import app.inboxsync.read.TagCatalog;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The tag manager: every tag with its colour and how many conversations carry it; create, rename, colour and
 * delete. Each change is written in the background, then the list is read again and {@code changed} runs (the
 * browser reloads, so its chips follow).
 */
public final class TagManagerViewModel {
    private final TagCatalog catalog;
    private final Background background;
    private final Runnable changed;
    private final ObservableList<TagCatalog.Tag> tags = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    public TagManagerViewModel(TagCatalog catalog, Background background, Runnable changed) {
        this.catalog = catalog;
        this.background = background;
        this.changed = changed;
    }

    public void load() {
        background.run("read the tags", catalog::all, tags::setAll, status::set);
    }

    /** "3 conversations": what a tag is on, as the list and the delete question say it. */
    public static String usage(TagCatalog.Tag tag) {
        return tag.conversations() == 0 ? "on no conversation" : "on " + Plural.of(tag.conversations(), "conversation");
    }

    /** The question asked before {@link #delete}: says what deleting takes away. */
    public static String deleteQuestion(TagCatalog.Tag tag) {
        return "Delete the tag \"" + tag.name() + "\"? " + (tag.conversations() == 0 ? "It is on no conversation."
                : "It is taken off " + Plural.of(tag.conversations(), "conversation")
                + "; their messages and notes stay as they are.");
    }

    public void create(String name, TagColour colour) {
        String t = ConversationTagging.normalize(name);
        if (t == null) {
            status.set("Type a name for the new tag.");
            return;
        }
        if (tags.stream().anyMatch(x -> x.name().equals(t))) {
            status.set("\"" + t + "\" exists already.");
            return;
        }
        write("create the tag", () -> {
            catalog.create(t, colour.stored());
            return "Created \"" + t + "\".";
        });
    }

    public void rename(TagCatalog.Tag tag, String newName) {
        String t = ConversationTagging.normalize(newName);
        if (t == null || t.equals(tag.name())) {
            status.set(t == null ? "Type the new name first." : "That is its name already.");
            return;
        }
        boolean merging = tags.stream().anyMatch(x -> x.name().equals(t));
        write("rename the tag", () -> {
            int n = catalog.rename(tag.name(), t);
            return (merging ? "Merged \"" + tag.name() + "\" into \"" + t + "\"" : "Renamed \"" + tag.name() + "\" to \"" + t + "\"")
                    + " on " + Plural.of(n, "conversation") + ".";
        });
    }

    public void colour(TagCatalog.Tag tag, TagColour colour) {
        if (TagColour.of(tag.colour()) == colour) {
            return;
        }
        write("colour the tag", () -> {
            catalog.colour(tag.name(), colour.stored());
            return "\"" + tag.name() + "\" is " + colour.label.toLowerCase(java.util.Locale.ROOT) + ".";
        });
    }

    public void delete(TagCatalog.Tag tag) {
        write("delete the tag", () -> "Deleted \"" + tag.name() + "\" from " + Plural.of(catalog.delete(tag.name()), "conversation") + ".");
    }

    private void write(String what, java.util.concurrent.Callable<String> work) {
        background.run(what, work, said -> {
            status.set(said);
            load();
            changed.run();
        }, status::set);
    }

    public ObservableList<TagCatalog.Tag> tags() {
        return tags;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
