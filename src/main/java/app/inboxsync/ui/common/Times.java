package app.inboxsync.ui.common;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * The window's one way of writing a date and time, in the system's locale and time zone: a short form where
 * space is tight ("Dec 3, 2026, 3:00 PM") and the full one for its tooltip ("Thursday, December 3, 2026,
 * 3:00:48 PM"). Every table and pane uses these, so no two places write the same moment two ways.
 */
public final class Times {
    private static final DateTimeFormatter SHORT = DateTimeFormatter
            .ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
            .withLocale(Locale.getDefault(Locale.Category.FORMAT));
    private static final DateTimeFormatter FULL = DateTimeFormatter
            .ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.MEDIUM)
            .withLocale(Locale.getDefault(Locale.Category.FORMAT));

    private Times() {
    }

    /** "Dec 3, 2026, 3:00 PM"; empty for no time. */
    public static String shortForm(Instant when, ZoneId zone) {
        return when == null ? "" : SHORT.format(when.atZone(zone));
    }

    /** "Thursday, December 3, 2026, 3:00:48 PM": what a tooltip over the short form says. */
    public static String fullForm(Instant when, ZoneId zone) {
        return when == null ? "" : FULL.format(when.atZone(zone));
    }
}
