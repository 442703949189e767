package app.inboxsync.ui.settings;

import java.util.List;
import java.util.Locale;

/** What makes a setting valid, as sentences that say what to fix; "" means the value is fine. */
public final class SettingsRules {
    /** Each syncing Page holds two database connections (its lock and a writer) of the pool's 24. */
    public static final int MAX_PARALLELISM = 8;
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
}
