package app.inboxsync.ui.conversations;

import app.inboxsync.app.Plural;
import app.inboxsync.read.MessageRow;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The search words in the open thread: every place they are found, which one is current, and next / previous.
 * A new search starts at the newest hit (the thread opens at its newest message); "previous" goes back in time.
 * Only the messages loaded so far are searched; the status says so when older ones are not loaded.
 */
public final class ThreadFind {
    private final ObservableList<MessageRow> messages;
    private final StringProperty words = new SimpleStringProperty(this, "words", "");
    private final ReadOnlyObjectWrapper<List<ThreadSearch.Hit>> hits = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyObjectWrapper<ThreadSearch.Hit> current = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    /** The message the current hit is in, to find it again when older messages are put on top. */
    private MessageRow currentIn;

    ThreadFind(ObservableList<MessageRow> messages) {
        this.messages = messages;
        words.addListener((o, was, now) -> search(false));
        messages.addListener((ListChangeListener<MessageRow>) c -> search(true));
    }

    public void next() {
        move(1);
    }

    public void previous() {
        move(-1);
    }

    private void move(int step) {
        List<ThreadSearch.Hit> all = hits.get();
        if (all.isEmpty()) {
            return;
        }
        int at = all.indexOf(current.get());
        setCurrent(all.get(Math.floorMod((at < 0 ? all.size() : at) + step, all.size())));
        status.set(statusOf(all));
    }

    /** @param keepPlace messages were loaded: stay on the same hit (older messages added on top move its index) */
    private void search(boolean keepPlace) {
        ThreadSearch.Hit was = current.get();
        MessageRow wasIn = keepPlace ? currentIn : null;
        List<ThreadSearch.Hit> all = ThreadSearch.hits(messages, ThreadSearch.words(words.get()));
        hits.set(all);
        ThreadSearch.Hit now = all.isEmpty() ? null : all.get(all.size() - 1);
        if (wasIn != null) {
            int index = messages.indexOf(wasIn);
            now = all.stream().filter(h -> h.message() == index && h.start() == was.start()).findFirst().orElse(now);
        }
        setCurrent(now);
        status.set(statusOf(all));
    }

    private void setCurrent(ThreadSearch.Hit hit) {
        currentIn = hit == null ? null : messages.get(hit.message());
        current.set(hit);
    }

    private String statusOf(List<ThreadSearch.Hit> all) {
        if (ThreadSearch.words(words.get()).isEmpty()) {
            return "";
        }
        if (all.isEmpty()) {
            return "No match in the " + Plural.of(messages.size(), "message") + " shown";
        }
        return (all.indexOf(current.get()) + 1) + " of " + Plural.of(all.size(), "match", "matches");
    }

    /** The words to find; a blank text finds nothing and clears the highlights. */
    public StringProperty wordsProperty() {
        return words;
    }

    /** Every hit, oldest message first. */
    public ReadOnlyObjectProperty<List<ThreadSearch.Hit>> hitsProperty() {
        return hits.getReadOnlyProperty();
    }

    /** The hit shown and marked, or null. */
    public ReadOnlyObjectProperty<ThreadSearch.Hit> currentProperty() {
        return current.getReadOnlyProperty();
    }

    /** "3 of 7 matches", or that the words are not in the loaded messages; empty when there are no words. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
