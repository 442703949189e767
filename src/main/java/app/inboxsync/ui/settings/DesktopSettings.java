package app.inboxsync.ui.settings;

import java.util.List;

/**
 * The desktop app's own choices, kept in {@code desktop.properties} in the home.
 *
 * @param autoSyncMinutes 0 = off, else how often "Sync all" runs by itself
 * @param parallelism     Pages synced at once
 */
public record DesktopSettings(Theme theme, int autoSyncMinutes, int parallelism) {
    public static final List<Integer> AUTO_SYNC_CHOICES = List.of(0, 5, 15, 60);
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
    }

    public DesktopSettings withTheme(Theme t) {
        return new DesktopSettings(t, autoSyncMinutes, parallelism);
    }

    public DesktopSettings withAutoSyncMinutes(int minutes) {
        return new DesktopSettings(theme, minutes, parallelism);
    }

    public DesktopSettings withParallelism(int n) {
        return new DesktopSettings(theme, autoSyncMinutes, n);
    }
}
