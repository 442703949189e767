package app.inboxsync.ui.main;

import java.util.function.BooleanSupplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/** Puts the {@link Shortcut}s on the main window's scene. */
public final class MainKeys {
    private MainKeys() {
    }

    /**
     * What the keys do.
     *
     * @param cancelRunning cancels the running sync (once confirmed); false when nothing runs
     */
    public record Commands(Runnable sync, Runnable syncAll, BooleanSupplier cancelRunning, Runnable quit) {
        public static Commands of(MainViewModel model, MainActions actions) {
            return new Commands(model::syncSelected, model::syncAll, model::cancelRunning, actions::quit);
        }
    }

    public static void install(Scene scene, Commands commands) {
        scene.getAccelerators().put(Shortcut.SYNC.keys(), commands.sync());
        scene.getAccelerators().put(Shortcut.SYNC_ALL.keys(), commands.syncAll());
        scene.getAccelerators().put(Shortcut.QUIT.keys(), commands.quit());
        scene.getAccelerators().put(Shortcut.SHEET.keys(), () -> ShortcutsSheet.show(scene.getWindow()));
        // Esc and "?" as handlers, not accelerators: they must not fire while someone types in a field (Esc is
        // then the field's own, clearing a search; "?" is a character of the search words)
        scene.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ESCAPE && !typing(scene) && commands.cancelRunning().getAsBoolean()) {
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
