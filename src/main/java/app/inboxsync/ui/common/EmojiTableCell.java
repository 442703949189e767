package app.inboxsync.ui.common;

import javafx.scene.control.TableCell;

/** A table cell whose text has its emoji drawn in colour (see {@link EmojiText#show}). */
public final class EmojiTableCell<S> extends TableCell<S, String> {
    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        if (empty || item == null) {
            setText(null);
            setGraphic(null);
        } else {
            EmojiText.show(this, item);
        }
    }
}
