package app.inboxsync.ui.conversations;

import app.inboxsync.app.background.Background;
import app.inboxsync.read.ContactFacts;
import app.inboxsync.read.ContactLookup;
import app.inboxsync.read.ConversationNotes;
import app.inboxsync.read.ConversationRow;
import java.util.HashMap;
import java.util.Map;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The contact panel's state for the conversation shown: its row, the facts read when it is opened, and its notes,
 * saved as they are typed. The view calls {@link #notesTyped} on each edit and {@link #saveNotes()} once typing
 * pauses; showing another conversation saves first, to the conversation the notes were typed for.
 */
public final class ContactViewModel {
    private final ConversationNotes notesStore;
    private final ContactLookup contacts;
    private final Background background;
    private final ReadOnlyObjectWrapper<ConversationRow> row = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ContactFacts> facts = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper notes = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper notesReady = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper notesStatus = new ReadOnlyStringWrapper("");
    /** Notes written in this session, by conversation: newer than any row or read that started before the write. */
    private final Map<String, String> written = new HashMap<>();
    private String typedFor;
    private String typed;
    private long shown;

    public ContactViewModel(ConversationNotes notesStore, ContactLookup contacts, Background background) {
        this.notesStore = notesStore;
        this.contacts = contacts;
        this.background = background;
    }

    /** Shows {@code r} (null: nothing), saving notes typed for the one shown before. */
    public void show(ConversationRow r) {
        saveNotes();
        long mine = ++shown;
        row.set(r);
        facts.set(null);
        notesStatus.set("");
        if (r == null) {
            notes.set("");
            notesReady.set(false);
            return;
        }
        String id = r.conversationId();
        notes.set(written.getOrDefault(id, r.notes() == null ? "" : r.notes()));
        notesReady.set(true);
        background.run("read the contact", () -> contacts.facts(id), found -> {
            if (mine == shown) {
                found.ifPresent(f -> {
                    facts.set(f);
                    if (typed == null && !written.containsKey(id)) {
                        notes.set(f.notes() == null ? "" : f.notes()); // the row may be older than the notes
                    }
                });
            }
        }, message -> {
            if (mine == shown) {
                notesStatus.set(message);
            }
        });
    }

    /** The person changed the notes field to {@code text}. */
    public void notesTyped(String text) {
        ConversationRow r = row.get();
        if (r == null || text.equals(notes.get()) && typed == null) {
            return;
        }
        typedFor = r.conversationId();
        typed = text;
        notes.set(text);
        notesStatus.set("Editing…");
    }

    /** Saves what was typed since the last save, if anything. */
    public void saveNotes() {
        if (typed == null) {
            return;
        }
        String id = typedFor;
        String text = typed;
        typed = null;
        typedFor = null;
        written.put(id, text);
        boolean stillShown = row.get() != null && row.get().conversationId().equals(id);
        if (stillShown) {
            notesStatus.set("Saving…");
        }
        background.run("save the notes", () -> notesStore.save(id, text), changed -> {
            if (row.get() != null && row.get().conversationId().equals(id) && typed == null) {
                notesStatus.set("Saved");
            }
        }, message -> {
            written.remove(id);
            notesStatus.set(message + ". The notes are not saved.");
        });
    }

    public ReadOnlyObjectProperty<ConversationRow> rowProperty() {
        return row.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ContactFacts> factsProperty() {
        return facts.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty notesProperty() {
        return notes.getReadOnlyProperty();
    }

    /** Whether a conversation is shown whose notes can be written. */
    public ReadOnlyBooleanProperty notesReadyProperty() {
        return notesReady.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty notesStatusProperty() {
        return notesStatus.getReadOnlyProperty();
    }
}
