package app.inboxsync.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hand-written parser of Graph's compact shape against an independent computation of the same instant, at
 * every field's edges; and every malformed time is an {@link IllegalArgumentException} (what the mapping catches).
 */
class GraphTimeTest {

    private static String compact(LocalDateTime local, int offsetSeconds) {
        int abs = Math.abs(offsetSeconds);
        return String.format("%04d-%02d-%02dT%02d:%02d:%02d%c%02d%02d", local.getYear(), local.getMonthValue(),
                local.getDayOfMonth(), local.getHour(), local.getMinute(), local.getSecond(),
                offsetSeconds < 0 ? '-' : '+', abs / 3600, abs % 3600 / 60);
    }

    @Test
    void everyFieldAtItsEdgesGivesTheInstantItNames() {
        List<LocalDateTime> times = List.of(
                LocalDateTime.of(2024, 1, 1, 0, 0, 0),
                LocalDateTime.of(2024, 12, 31, 23, 59, 59),
                LocalDateTime.of(2023, 2, 28, 9, 8, 7),
                LocalDateTime.of(2024, 2, 29, 12, 34, 56),
                LocalDateTime.of(1970, 1, 1, 0, 0, 1),
                LocalDateTime.of(1969, 12, 31, 23, 59, 59),
                LocalDateTime.of(9999, 12, 31, 23, 59, 59),
                LocalDateTime.of(2038, 1, 19, 3, 14, 8),
                LocalDateTime.of(0, 1, 1, 0, 0, 0));
        List<Integer> offsets = List.of(0, 3600, -3600, 2 * 3600 + 30 * 60, -(4 * 3600 + 30 * 60), 14 * 3600,
                -12 * 3600, 45 * 60, -(45 * 60), 5 * 3600 + 59 * 60);
        for (LocalDateTime t : times) {
            for (int offset : offsets) {
                String s = compact(t, offset);
                Instant expected = t.toInstant(ZoneOffset.ofTotalSeconds(offset));
                assertEquals(expected, GraphTime.parse(s), s);
                assertEquals(expected, GraphTime.parseCompactOffset(s), "the hot path reads " + s + " itself");
            }
        }
    }

    @Test
    void theOtherShapesGraphUsesAgree() {
        Instant t = Instant.parse("2024-11-10T17:00:00Z");
        assertEquals(t, GraphTime.parse("2024-11-10T17:00:00Z"));
        assertEquals(t, GraphTime.parse("2024-11-10T17:00:00+00:00"));
        assertEquals(t, GraphTime.parse("2024-11-10T18:00:00+01:00"));
        assertEquals(t.plusMillis(250), GraphTime.parse("2024-11-10T17:00:00.250+0000"));
        assertEquals(t.plusMillis(250), GraphTime.parse("2024-11-10T19:00:00.250+0200"));
        assertEquals(t.plusMillis(250), GraphTime.parse("2024-11-10T16:00:00.250-0100"));
        assertNull(GraphTime.parse(null));
    }

    @Test
    void aMalformedTimeIsAnIllegalArgumentNeverAnotherException() {
        List<String> bad = List.of(
                "yesterday", "", "2024", "2024-11-10", "2024-11-10T17:00:00",
                // each field out of range
                "2024-00-10T17:00:00+0000", "2024-13-10T17:00:00+0000",
                "2024-11-00T17:00:00+0000", "2024-11-32T17:00:00+0000",
                "2024-11-10T24:00:00+0000", "2024-11-10T17:60:00+0000", "2024-11-10T17:00:60+0000",
                // a day its month does not have (the range check alone lets these through)
                "2024-02-30T00:00:00+0000", "2023-02-29T00:00:00+0000", "2024-04-31T12:00:00+0000",
                "2024-06-31T12:00:00+0000", "2024-09-31T12:00:00+0000", "2024-11-31T12:00:00+0000",
                // a non-digit in each field
                "2O24-11-10T17:00:00+0000", "2024-1x-10T17:00:00+0000", "2024-11-1xT17:00:00+0000",
                "2024-11-10T1x:00:00+0000", "2024-11-10T17:x0:00+0000", "2024-11-10T17:00:0x+0000",
                "2024-11-10T17:00:00+x000", "2024-11-10T17:00:00+00x0", "2024-11-10T17:00:00+000/",
                "2024-11-10T17:00:00+:000", "2024-11-10T17:00:00+00:0",
                // separators
                "2024/11-10T17:00:00+0000", "2024-11/10T17:00:00+0000", "2024-11-10T17.00:00+0000",
                "2024-11-10T17:00.00+0000", "2024-11-10 17:00:00+0000", "2024-11-10T17:00:00*0000");
        for (String s : bad) {
            assertThrows(IllegalArgumentException.class, () -> GraphTime.parse(s), s);
            if (s.length() == 24 && s.charAt(10) == 'T' && (s.charAt(19) == '+' || s.charAt(19) == '-')) {
                assertNull(GraphTime.parseCompactOffset(s), "the hot path declines " + s);
            }
        }
    }
}
