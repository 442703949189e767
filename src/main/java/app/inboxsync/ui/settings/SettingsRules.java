package app.inboxsync.ui.settings;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** What makes a setting valid, as sentences that say what to fix; "" means the value is fine. */
public final class SettingsRules {
    /** Each syncing Page holds two database connections (its lock and a writer) of the pool's 24. */
    public static final int MAX_PARALLELISM = 8;
    /** Graph's own limit for an attachment is 25 MB; videos people send can be larger, but not this large. */
    public static final int MAX_FILE_MB = 4096;
    static final String URL_START = "jdbc:postgresql://";

    private SettingsRules() {
    }

    public static String databaseUrl(boolean embedded, String url) {
        if (embedded) {
            return "";
        }
        String u = url == null ? "" : url.strip();
        if (u.isEmpty()) {
            return "Enter the database URL, e.g. jdbc:postgresql://localhost:5432/inboxsync.";
        }
        if (!u.startsWith(URL_START)) {
            return "The URL must start with jdbc:postgresql:// (e.g. jdbc:postgresql://localhost:5432/inboxsync).";
        }
        if (u.chars().anyMatch(Character::isWhitespace)) {
            return "The URL must not contain spaces.";
        }
        String rest = u.substring(URL_START.length());
        if (rest.isEmpty() || rest.startsWith("/") || rest.startsWith("?") || rest.startsWith(":")) {
            return "Put the server after jdbc:postgresql://, e.g. jdbc:postgresql://localhost:5432/inboxsync.";
        }
        if (u.toLowerCase(Locale.ROOT).contains("password=")) {
            return "Put the password in the Password field, not in the URL (the URL is saved in a plain file).";
        }
        return "";
    }

    public static String graphVersion(String version) {
        String v = version == null ? "" : version.strip();
        return DesktopSettings.GRAPH_VERSION.matcher(v).matches() ? ""
                : "The Graph API version looks like v25.0 (a v, a number, a dot, a number).";
    }

    public static String parallelism(Integer pages) {
        return pages != null && pages >= 1 && pages <= MAX_PARALLELISM ? ""
                : "Pages synced at once must be a number from 1 to " + MAX_PARALLELISM + ".";
    }

    public static String folders(List<?> chosen) {
        return chosen.isEmpty() ? "Choose at least one folder to sync (inbox is where most conversations are)." : "";
    }

    /** Empty means the default folder under Inbox Sync's home. */
    public static String mediaFolder(String folder) {
        String f = folder == null ? "" : folder.strip();
        if (f.isEmpty()) {
            return "";
        }
        Path p;
        try {
            p = Path.of(f);
        } catch (InvalidPathException e) {
            return "The media folder is not a path this computer can use (" + e.getReason() + ").";
        }
        if (!p.isAbsolute()) {
            return "Give the media folder as a full path (e.g. " + Path.of(System.getProperty("user.home"), "InboxSyncMedia")
                    + "), or leave it empty for the folder in Inbox Sync's home.";
        }
        if (Files.exists(p) && !Files.isDirectory(p)) {
            return p + " is a file, not a folder.";
        }
        return "";
    }

    public static String maxFileMb(Integer mb) {
        return mb != null && mb >= 1 && mb <= MAX_FILE_MB ? ""
                : "The size cap per file must be a whole number of MB from 1 to " + MAX_FILE_MB + ".";
    }

    /** @param maxFileMb the size cap as entered, so a quota below it can be called out */
    public static String quotaMb(Integer mb, Integer maxFileMb) {
        if (mb == null || mb < 1) {
            return "The media quota must be a whole number of MB, at least 1 (10240 MB is 10 GB).";
        }
        if (maxFileMb(maxFileMb).isEmpty() && mb < maxFileMb) {
            return "The media quota (" + mb + " MB) must be at least the size cap per file (" + maxFileMb
                    + " MB), or a file that size could never be kept.";
        }
        return "";
    }
}
