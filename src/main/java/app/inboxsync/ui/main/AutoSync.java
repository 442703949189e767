package app.inboxsync.ui.main;

import app.inboxsync.ui.common.Toast;
import java.time.Duration;

/**
 * "Every Page syncs every N minutes while Inbox Sync is open": a repeating tick that starts "Sync all" (which
 * skips a Page already syncing).
 */
public final class AutoSync {
    private final Ticker ticker;
    private final Runnable syncAll;
    private Ticker.Ticking ticking;

    public AutoSync(Ticker ticker, Runnable syncAll) {
        this.ticker = ticker;
        this.syncAll = syncAll;
    }

    /** Syncs every {@code minutes} from now on (0: never), replacing the earlier rhythm. */
    public void every(int minutes) {
        stop();
        if (minutes > 0) {
            ticking = ticker.every(Duration.ofMinutes(minutes), syncAll);
        }
    }

    public void stop() {
        if (ticking != null) {
            ticking.stop();
            ticking = null;
        }
    }

    /** What the window says when the user picks a rhythm. */
    public static Toast announcement(int minutes) {
        return new Toast(Toast.Kind.INFO, "Auto-sync", minutes == 0 ? "Off."
                : "Every Page syncs every " + minutes + " minutes while Inbox Sync is open (a Page already syncing is skipped).");
    }

    /** How the choice box names a rhythm. */
    public static String describe(Integer minutes) {
        return minutes == null || minutes == 0 ? "Off" : "Every " + minutes + " min";
    }
}
