package app.inboxsync.ui.sync;

import app.inboxsync.sync.RunOutcome.RunStatus;
import java.util.Locale;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;

/**
 * The state of a Page's sync as the window draws it, with one word and one icon for it everywhere: the summary
 * card, the live table and the History tab. A cancelled run has its own (a slash, in grey): it is neither a
 * success (the copy is only as far as it got) nor a failure (nothing went wrong).
 */
public enum RunState {
    NEVER_SYNCED("Never synced", Feather.CIRCLE),
    QUEUED("Queued", Feather.CLOCK),
    SYNCING("Syncing", Feather.REFRESH_CW),
    WAITING("Waiting", Feather.PAUSE_CIRCLE),
    SUCCEEDED("Succeeded", Feather.CHECK_CIRCLE),
    CANCELLED("Cancelled", Feather.SLASH),
    FAILED("Failed", Feather.ALERT_TRIANGLE),
    /** Another process was already syncing the Page. */
    SKIPPED("Skipped", Feather.SKIP_FORWARD),
    /** A run recorded as going that this window does not drive (another process, or one that died). */
    RUNNING_ELSEWHERE("Running", Feather.LOADER);

    private final String label;
    private final Ikon icon;

    RunState(String label, Ikon icon) {
        this.label = label;
        this.icon = icon;
    }

    public String label() {
        return label;
    }

    public Ikon icon() {
        return icon;
    }

    /** "run-succeeded", "run-cancelled"…: the theme colours the icon by it. */
    public String styleClass() {
        return "run-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static RunState of(PageProgress.Phase phase) {
        return switch (phase) {
            case QUEUED -> QUEUED;
            case SYNCING -> SYNCING;
            case WAITING -> WAITING;
            case SUCCEEDED -> SUCCEEDED;
            case FAILED -> FAILED;
            case CANCELLED -> CANCELLED;
            case SKIPPED -> SKIPPED;
        };
    }

    /** From a {@code sync_runs} status ("succeeded", "cancelled", "failed", "running"). */
    public static RunState ofStored(RunStatus status) {
        if (status == null) {
            return NEVER_SYNCED;
        }
        return switch (status) {
            case SUCCEEDED -> SUCCEEDED;
            case CANCELLED -> CANCELLED;
            case RUNNING -> RUNNING_ELSEWHERE;
            case FAILED -> FAILED;
        };
    }
}
