package app.inboxsync.ui.pages;

import app.inboxsync.ui.common.EmojiText;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** A Page in the sidebar: name, one status line, and "Reconnect" when Facebook refused its token. */
public final class PageCell extends ListCell<PageItem> {
    private static final List<String> STATE_CLASSES = List.of("idle", "cancelled", "queued", "syncing", "failed", "token-invalid", "never-synced");
    private final Label name = new Label();
    private final Label status = new Label();
    private final FontIcon icon = new FontIcon(Feather.CIRCLE);
    private final Button reconnect = new Button("Reconnect");
    private final HBox row;
    /** The status of a Page changes while its cell shows it (live sync counts, "a minute ago"): redraw then. */
    private final ChangeListener<PageStatus> statusChanged = (o, was, now) -> show(getItem());
    private PageItem watched;

    public PageCell(Consumer<PageItem> onReconnect) {
        name.getStyleClass().add("page-name");
        status.getStyleClass().add("page-status");
        status.setWrapText(true);
        VBox words = new VBox(2, name, status);
        HBox.setHgrow(words, Priority.ALWAYS);
        reconnect.getStyleClass().addAll("small", "danger", "reconnect-button");
        reconnect.setOnAction(e -> {
            if (getItem() != null) {
                onReconnect.accept(getItem());
            }
        });
        row = new HBox(8, icon, words, reconnect);
        row.setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("page-cell");
        setPrefWidth(0); // wrap inside the list's width instead of widening it
    }

    /**
     * A cell's skin measures its graphic as if it had any width it liked, so a wrapping status line would stay one
     * line and be cut ("Synced 3 hours ago · 12,34…", or a failure's reason). The list asks with its width:
     * measure the row at that width, and a long line wraps onto a second one.
     */
    @Override
    protected double computePrefHeight(double width) {
        if (getGraphic() == null || width <= 0) {
            return super.computePrefHeight(width);
        }
        Insets insets = getInsets();
        return insets.getTop() + row.prefHeight(width - insets.getLeft() - insets.getRight()) + insets.getBottom();
    }

    @Override
    protected void updateItem(PageItem item, boolean empty) {
        super.updateItem(item, empty);
        if (watched != null) {
            watched.statusProperty().removeListener(statusChanged);
        }
        watched = empty ? null : item;
        if (watched != null) {
            watched.statusProperty().addListener(statusChanged);
        }
        show(watched);
    }

    private void show(PageItem item) {
        if (item == null || item.status() == null) {
            getStyleClass().removeAll(STATE_CLASSES);
            setGraphic(null);
            return;
        }
        PageStatus s = item.status();
        String stateClass = s.state().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        // a live count changes the line ten times a second: restyle the cell only when its state changes
        if (!getStyleClass().contains(stateClass)) {
            getStyleClass().removeAll(STATE_CLASSES);
            getStyleClass().add(stateClass);
        }
        if (!item.name().equals(name.getText())) { // its emoji as pictures; rebuilt only when the name changes
            EmojiText.show(name, item.name());
        }
        status.setText(s.line());
        boolean invalid = s.state() == PageStatus.State.TOKEN_INVALID;
        reconnect.setVisible(invalid);
        reconnect.setManaged(invalid);
        icon.setIconCode(switch (s.state()) {
            case SYNCING -> Feather.REFRESH_CW;
            case QUEUED -> Feather.CLOCK;
            case FAILED -> Feather.ALERT_TRIANGLE;
            case TOKEN_INVALID -> Feather.KEY;
            case NEVER_SYNCED -> Feather.CIRCLE;
            case IDLE -> Feather.CHECK_CIRCLE;
            case CANCELLED -> Feather.SLASH; // as the card, the live table and History show a cancelled run
        });
        setGraphic(row);
    }
}
