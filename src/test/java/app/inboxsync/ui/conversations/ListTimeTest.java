package app.inboxsync.ui.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The list's times: short and never cut, the whole date and time on hover. */
class ListTimeTest {
    private Locale before;

    @BeforeEach
    void english() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.US);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
    }

    @Test
    void shorterTheOlderItIs() {
        ListTime t = new ListTime(Clock.fixed(Instant.parse("2026-12-04T15:00:00Z"), ZoneOffset.UTC));
        assertEquals("9:05 AM", t.shortly(Instant.parse("2026-12-04T09:05:00Z")).replace('\u202f', ' '));
        assertEquals("Tue 8:00 PM", t.shortly(Instant.parse("2026-12-01T20:00:00Z")).replace('\u202f', ' '));
        assertEquals("Dec 28", t.shortly(Instant.parse("2025-12-28T20:00:00Z")));
        assertEquals("12/3/25", t.shortly(Instant.parse("2025-12-03T20:00:00Z")));
        String full = t.fully(Instant.parse("2025-12-03T20:00:00Z")).replace('\u202f', ' ');
        assertTrue(full.contains("Wednesday, December 3, 2025") && full.contains("8:00 PM"), full);
    }
}
