package app.inboxsync.config;

import java.nio.file.Path;
import java.util.Locale;

/** Where Inbox Sync keeps its configuration, token file and embedded database when no --home is given. */
public final class AppHome {
    private AppHome() {
    }

    public static Path defaultHome() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Path userHome = Path.of(System.getProperty("user.home"));
        if (os.contains("win")) {
            String appData = System.getenv("APPDATA");
            return (appData != null ? Path.of(appData) : userHome).resolve("InboxSync");
        }
        if (os.contains("mac")) {
            return userHome.resolve("Library").resolve("Application Support").resolve("Inbox Sync");
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        return (xdg != null && !xdg.isBlank() ? Path.of(xdg) : userHome.resolve(".local").resolve("share"))
                .resolve("inbox-sync");
    }
}
