package app.inboxsync.app;

import java.time.Duration;
import java.time.Instant;

/** "a few seconds ago", "5 minutes ago", "3 days ago": how the old app showed times, for CLI and UI alike. */
public final class RelativeTime {
    private RelativeTime() {
    }

    public static String ago(Instant then, Instant now) {
        if (then == null) {
            return "never";
        }
        long s = Math.max(0, Duration.between(then, now).getSeconds());
        if (s < 45) {
            return "a few seconds ago";
        }
        if (s < 90) {
            return "a minute ago";
        }
        long m = s / 60;
        if (m < 45) {
            return Plural.of(m, "minute") + " ago";
        }
        if (m < 90) {
            return "an hour ago";
        }
        long h = m / 60;
        if (h < 22) {
            return Plural.of(h, "hour") + " ago";
        }
        if (h < 36) {
            return "a day ago";
        }
        long d = h / 24;
        if (d < 26) {
            return Plural.of(d, "day") + " ago";
        }
        if (d < 45) {
            return "a month ago";
        }
        if (d < 320) {
            return Plural.of(Math.round(d / 30.4), "month") + " ago";
        }
        return d < 548 ? "a year ago" : Plural.of(Math.round(d / 365.25), "year") + " ago";
    }
}
