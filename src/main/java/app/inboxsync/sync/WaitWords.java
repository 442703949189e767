package app.inboxsync.sync;

import java.time.Duration;
import java.util.Locale;

/**
 * How long a wait is, in the words every notice uses ("0.3 s", "4 s", "2 min 5 s"), so the wait a line
 * announces and the wait its reason names are written the same way.
 */
public final class WaitWords {
    private WaitWords() {
    }

    public static String of(Duration d) {
        if (d.toMillis() < 950) {
            // short, jittered backoffs: "0.3 s", not a rounded-up "1 s"
            return String.format(Locale.ROOT, "%.1f s", Math.max(0.1, d.toMillis() / 1000.0));
        }
        long seconds = (d.toMillis() + 999) / 1000;
        if (seconds < 60) {
            return seconds + " s";
        }
        long minutes = seconds / 60;
        long rest = seconds % 60;
        return rest == 0 ? minutes + " min" : minutes + " min " + rest + " s";
    }
}
