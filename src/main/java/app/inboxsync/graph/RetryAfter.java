package app.inboxsync.graph;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import okhttp3.Headers;

/**
 * HTTP's {@code Retry-After}: a number of seconds, or an HTTP date, read against the answer's own
 * {@code Date} header when there is one (the server's clock, so ours being off does not matter).
 */
final class RetryAfter {
    private RetryAfter() {
    }

    /** How long the server asks to wait; null when it does not say (or says it unreadably). */
    static Duration of(Headers headers, Instant now) {
        String value = headers.get("Retry-After");
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.matches("\\d{1,9}")) {
            return Duration.ofSeconds(Long.parseLong(v));
        }
        Instant at = httpDate(v);
        if (at == null) {
            return null;
        }
        Instant serverNow = headers.get("Date") == null ? null : httpDate(headers.get("Date"));
        Duration wait = Duration.between(serverNow != null ? serverNow : now, at);
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private static Instant httpDate(String s) {
        try {
            return ZonedDateTime.parse(s.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
