package app.inboxsync.ui.sync;

import javafx.scene.control.TableCell;
import org.kordamp.ikonli.javafx.FontIcon;

/** A table cell showing a {@link RunState} as its icon and word. */
public final class RunStateCell<S> extends TableCell<S, RunState> {
    private final FontIcon icon = new FontIcon();

    @Override
    protected void updateItem(RunState state, boolean empty) {
        super.updateItem(state, empty);
        getStyleClass().removeIf(c -> c.startsWith("run-"));
        if (empty || state == null) {
            setText(null);
            setGraphic(null);
            return;
        }
        icon.setIconCode(state.icon());
        setText(state.label());
        setGraphic(icon);
        getStyleClass().add(state.styleClass());
    }
}
