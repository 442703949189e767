package app.inboxsync.ui.main;

import app.inboxsync.ui.settings.DesktopSettings;

/** What the window asks of the app around it: the demo, the Settings dialog, saving settings. */
public interface MainActions {
    void tryDemo();

    /** From the demo back to the real Pages, in the same window (only the app's window opens the demo). */
    default void leaveDemo() {
    }

    void openSettings();

    /** Ctrl+Q: ends the app as closing its window does (the sessions close, running syncs stop). */
    default void quit() {
        javafx.application.Platform.exit();
    }

    void settingsChanged(DesktopSettings settings);
}
