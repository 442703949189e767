package app.inboxsync.ui.conversations;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * A conversation's time as mail and chat lists show it, short enough never to be cut in a narrow column, bold
 * included: "3:04 PM" today, "Mon 3:04 PM" this week, "Dec 6" within a year, "12/6/24" before; the whole date and
 * time for the tooltip. The system locale's date and time styles.
 */
final class ListTime {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MMM d");
    private static final DateTimeFormatter OLDER = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT);
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL, FormatStyle.SHORT);
    private static final DateTimeFormatter MEDIUM = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);
    private final Clock clock;

    ListTime(Clock clock) {
        this.clock = clock;
    }

    String shortly(Instant when) {
        ZonedDateTime t = when.atZone(clock.getZone());
        LocalDate today = LocalDate.now(clock);
        LocalDate day = t.toLocalDate();
        if (day.equals(today)) {
            return TIME.format(t);
        }
        if (day.isAfter(today.minusDays(6)) && day.isBefore(today)) {
            return WEEKDAY.format(t) + " " + TIME.format(t);
        }
        if (day.isAfter(today.minusYears(1)) && !day.isAfter(today)) {
            return DAY.format(t);
        }
        return OLDER.format(t);
    }

    /** "Dec 16, 2025, 8:48 AM": whole, where a line is narrower than the tooltip's. */
    String medium(Instant when) {
        return MEDIUM.format(when.atZone(clock.getZone()));
    }

    String fully(Instant when) {
        return FULL.format(when.atZone(clock.getZone()));
    }
}
