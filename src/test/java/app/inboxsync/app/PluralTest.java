package app.inboxsync.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class PluralTest {
    @Test
    void singularOnlyForOne() {
        assertEquals("0 conversations", Plural.of(0, "conversation"));
        assertEquals("1 conversation", Plural.of(1, "conversation"));
        assertEquals("2 conversations", Plural.of(2, "conversation"));
        assertEquals("1 reply", Plural.of(1, "reply", "replies"));
        assertEquals("2 replies", Plural.of(2, "reply", "replies"));
    }

    @Test
    void relativeTimeNeverSaysOneWithAPluralNoun() {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");
        assertEquals("1 minute ago", RelativeTime.ago(now.minusSeconds(90), now));
        assertEquals("1 minute ago", RelativeTime.ago(now.minusSeconds(119), now));
        assertEquals("2 minutes ago", RelativeTime.ago(now.minusSeconds(120), now));
        assertEquals("1 hour ago", RelativeTime.ago(now.minusSeconds(90 * 60), now));
        assertEquals("1 day ago", RelativeTime.ago(now.minusSeconds(36 * 3600), now));
        assertEquals("1 month ago", RelativeTime.ago(now.minusSeconds(45L * 86400), now));
        for (long s = 0; s < 3L * 365 * 86400; s += 1800) {
            String text = RelativeTime.ago(now.minusSeconds(s), now);
            assertEquals(false, text.startsWith("1 ") && text.matches("1 \\w+s ago"), text);
        }
    }
}
