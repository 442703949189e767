package app.inboxsync.ui.main;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** Puts the {@link Shortcut}s on the main window's scene. */
public final class MainKeys {
    private MainKeys() {
    }

    public static void install(Scene scene, MainViewModel model, MainActions actions) {
        scene.getAccelerators().put(Shortcut.SYNC.keys(), model::syncSelected);
        scene.getAccelerators().put(Shortcut.SYNC_ALL.keys(), model::syncAll);
        scene.getAccelerators().put(Shortcut.QUIT.keys(), actions::quit);
        scene.getAccelerators().put(Shortcut.SHEET.keys(), () -> ShortcutsSheet.show(scene.getWindow()));
        // Esc and "?" as handlers, not accelerators: they must not fire while someone types in a field (Esc is
        // then the field's own, clearing a search; "?" is a character of the search words)
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !typing(scene) && model.cancelRunning()) {
                e.consume();
            }
        });
        scene.addEventHandler(KeyEvent.KEY_TYPED, e -> {
            if ("?".equals(e.getCharacter()) && !typing(scene)) {
                e.consume();
                ShortcutsSheet.show(scene.getWindow());
            }
        });
    }

    private static boolean typing(Scene scene) {
        Node focused = scene.getFocusOwner();
        return focused instanceof TextInputControl;
    }
}
