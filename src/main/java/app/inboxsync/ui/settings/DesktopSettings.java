package app.inboxsync.ui.settings;

import app.inboxsync.domain.Folder;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The desktop app's own choices, kept in {@code desktop.properties} in the home. Secrets (the database password,
 * the app secret) are not here: they live in the token vault ({@link SettingsSecrets}).
 *
 * @param autoSyncMinutes 0 = off, else how often "Sync all" runs by itself
 * @param parallelism     Pages synced at once
 * @param databaseUrl     a {@code jdbc:postgresql://} URL, or null for the embedded database
 * @param databaseUser    may be null (the URL may name the user)
 * @param graphVersion    e.g. {@code v25.0}
 * @param folders         the folders the desktop's syncs walk; all four unless narrowed (see {@link #syncFolders()})
 * @param media           where attachment files are kept and how much
 */
public record DesktopSettings(Theme theme, int autoSyncMinutes, int parallelism, String databaseUrl,
                              String databaseUser, String graphVersion, List<Folder> folders, MediaChoices media) {
    public static final List<Integer> AUTO_SYNC_CHOICES = List.of(0, 5, 15, 60);
    public static final String DEFAULT_GRAPH_VERSION = "v25.0";
    static final Pattern GRAPH_VERSION = Pattern.compile("v\\d+\\.\\d+"); // before DEFAULTS, which uses it
    public static final DesktopSettings DEFAULTS = new DesktopSettings(Theme.LIGHT, 0, 4);

    public enum Theme { LIGHT, DARK }

    public DesktopSettings {
        if (theme == null) {
            theme = Theme.LIGHT;
        }
        if (!AUTO_SYNC_CHOICES.contains(autoSyncMinutes)) {
            throw new IllegalArgumentException("Auto-sync must be off or every 5, 15 or 60 minutes, not " + autoSyncMinutes + ".");
        }
        if (parallelism < 1 || parallelism > 32) {
            throw new IllegalArgumentException("Parallel Pages must be between 1 and 32, not " + parallelism + ".");
        }
        databaseUrl = blankToNull(databaseUrl);
        databaseUser = blankToNull(databaseUser);
        if (databaseUrl != null && !databaseUrl.startsWith("jdbc:postgresql://")) {
            throw new IllegalArgumentException("The database URL must start with jdbc:postgresql://.");
        }
        graphVersion = graphVersion == null ? DEFAULT_GRAPH_VERSION : graphVersion.strip();
        if (!GRAPH_VERSION.matcher(graphVersion).matches()) {
            throw new IllegalArgumentException("The Graph API version must look like v25.0, not " + graphVersion + ".");
        }
        folders = folders == null ? Folder.ALL : List.copyOf(folders);
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("At least one folder must be synced.");
        }
        media = media == null ? MediaChoices.DEFAULTS : media;
    }

    public DesktopSettings(Theme theme, int autoSyncMinutes, int parallelism, String databaseUrl, String databaseUser,
                           String graphVersion, List<Folder> folders) {
        this(theme, autoSyncMinutes, parallelism, databaseUrl, databaseUser, graphVersion, folders, MediaChoices.DEFAULTS);
    }

    public DesktopSettings(Theme theme, int autoSyncMinutes, int parallelism) {
        this(theme, autoSyncMinutes, parallelism, null, null, DEFAULT_GRAPH_VERSION, Folder.ALL);
    }

    public DesktopSettings withTheme(Theme t) {
        return new DesktopSettings(t, autoSyncMinutes, parallelism, databaseUrl, databaseUser, graphVersion, folders, media);
    }

    public DesktopSettings withAutoSyncMinutes(int minutes) {
        return new DesktopSettings(theme, minutes, parallelism, databaseUrl, databaseUser, graphVersion, folders, media);
    }

    public DesktopSettings withParallelism(int n) {
        return new DesktopSettings(theme, autoSyncMinutes, n, databaseUrl, databaseUser, graphVersion, folders, media);
    }

    public DesktopSettings withMedia(MediaChoices m) {
        return new DesktopSettings(theme, autoSyncMinutes, parallelism, databaseUrl, databaseUser, graphVersion, folders, m);
    }

    public boolean embeddedDatabase() {
        return databaseUrl == null;
    }

    /**
     * The folders to put in the desktop's sync requests. One app-wide choice, not one per Page, to keep the
     * dialog simple: with all four chosen (the default) this is null, so each Page keeps its own list (set with
     * {@code inbox-sync pages folders}, all four unless narrowed there); narrowing it here narrows every Page's
     * desktop syncs, e.g. to leave spam out everywhere.
     */
    public List<Folder> syncFolders() {
        return folders.containsAll(Folder.ALL) ? null : folders;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
