package app.inboxsync.ui.conversations;

import app.inboxsync.read.ConversationRow;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/** One line of the browser: its position, and its row once the window holding it has come from the database. */
public final class ConversationItem {
    private final int index;
    private final ReadOnlyObjectWrapper<ConversationRow> row = new ReadOnlyObjectWrapper<>();

    ConversationItem(int index) {
        this.index = index;
    }

    public int index() {
        return index;
    }

    /** Null while loading. */
    public ReadOnlyObjectProperty<ConversationRow> rowProperty() {
        return row.getReadOnlyProperty();
    }

    public ConversationRow row() {
        return row.get();
    }

    void fill(ConversationRow r) {
        row.set(r);
    }
}
