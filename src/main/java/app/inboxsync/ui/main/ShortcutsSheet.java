package app.inboxsync.ui.main;

import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** The sheet F1 (or ?) opens: every {@link Shortcut} of the window and what it does. */
final class ShortcutsSheet {
    private ShortcutsSheet() {
    }

    static void show(Window owner) {
        GridPane grid = new GridPane();
        grid.setHgap(24);
        grid.setVgap(8);
        grid.setPadding(new Insets(8, 4, 8, 4));
        int row = 0;
        for (Shortcut s : Shortcut.values()) {
            Label keys = new Label(s.keysText());
            keys.getStyleClass().add("shortcut-keys");
            Label what = new Label(s.what());
            what.setWrapText(true);
            what.setMaxWidth(380);
            grid.addRow(row++, keys, what);
        }
        Dialog<ButtonType> sheet = new Dialog<>();
        sheet.initOwner(owner);
        sheet.setTitle("Keyboard shortcuts");
        sheet.setHeaderText("Keyboard shortcuts");
        sheet.getDialogPane().setContent(grid);
        sheet.getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        sheet.getDialogPane().setId("shortcuts-sheet");
        sheet.show();
    }
}
