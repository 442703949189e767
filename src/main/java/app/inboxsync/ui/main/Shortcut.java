package app.inboxsync.ui.main;

import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;

/**
 * The main window's keyboard shortcuts, with the words the shortcuts sheet shows for them. The window installs
 * its keys from here, so the sheet cannot list a key that does nothing. Keys read as the platform writes them
 * ("Ctrl+R", "⌘R").
 */
public enum Shortcut {
    SYNC(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN), "Sync the selected Page"),
    SYNC_ALL(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN),
            "Sync every Page"),
    CANCEL(new KeyCodeCombination(KeyCode.ESCAPE),
            "Cancel the running sync (asks first); in a search field, Esc is the search's"),
    /** Installed by the Conversations tab; listed here so the sheet is complete. */
    SEARCH(new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN), "Search the conversations"),
    SHEET(new KeyCodeCombination(KeyCode.F1), "Show this list of shortcuts (also ?)"),
    QUIT(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), "Quit Inbox Sync");

    private final KeyCombination keys;
    private final String what;

    Shortcut(KeyCombination keys, String what) {
        this.keys = keys;
        this.what = what;
    }

    public KeyCombination keys() {
        return keys;
    }

    /** "Ctrl+R" on Linux and Windows, "⌘R" on macOS. */
    public String keysText() {
        return keys.getDisplayText();
    }

    public String what() {
        return what;
    }
}
