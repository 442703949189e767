package app.inboxsync.ui.conversations;

import java.util.List;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The keyboard shortcuts sheet (F1, or "?" outside a text field): every shortcut of the window, in one place. */
final class ShortcutsSheet {
    /** One shortcut: the keys as written on the sheet, and what they do. */
    record Shortcut(String keys, String does) { }

    static final List<Shortcut> SHORTCUTS = List.of(
            new Shortcut("Ctrl+R", "Sync the selected Page"),
            new Shortcut("Ctrl+Shift+R", "Sync all Pages"),
            new Shortcut("Ctrl+F", "Search conversations (names, messages and notes)"),
            new Shortcut("Esc", "Clear the search"),
            new Shortcut("↓ in the search", "Go to the list"),
            new Shortcut("↑ ↓  Page Up/Down  Home/End", "Move through the list"),
            new Shortcut("Shift/Ctrl + click or ↑ ↓", "Select several conversations"),
            new Shortcut("Enter in the tag box", "Put the tag on the selected conversations"),
            new Shortcut("F1 or ?", "This sheet"));

    private ShortcutsSheet() {
    }

    static Dialog<Void> show(Window owner) {
        Dialog<Void> sheet = new Dialog<>();
        sheet.initOwner(owner);
        sheet.setTitle("Keyboard shortcuts");
        sheet.setHeaderText("Keyboard shortcuts");
        GridPane grid = new GridPane();
        grid.setId("shortcutsSheet");
        grid.setHgap(18);
        grid.setVgap(6);
        int row = 0;
        for (Shortcut s : SHORTCUTS) {
            Label keys = new Label(s.keys());
            keys.getStyleClass().add("shortcut-keys");
            keys.setStyle("-fx-font-weight: bold;");
            grid.addRow(row++, keys, new Label(s.does()));
        }
        sheet.getDialogPane().setContent(grid);
        sheet.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        sheet.show();
        return sheet;
    }
}
