package app.inboxsync.graph;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Graph times look like {@code 2024-11-10T17:00:00+0000} (no colon in the offset), which
 * {@code Instant.parse} rejects. The fixed shape is parsed by hand because it is on the hot path (every
 * message); anything else ({@code Z}, {@code +00:00}, fractions) goes through the ISO parser.
 */
final class GraphTime {
    private GraphTime() {
    }

    static Instant parse(String s) {
        if (s == null) {
            return null;
        }
        if (s.length() == 24 && s.charAt(10) == 'T' && (s.charAt(19) == '+' || s.charAt(19) == '-')) {
            Instant fast = parseCompactOffset(s);
            if (fast != null) {
                return fast;
            }
        }
        String iso = s;
        int n = s.length();
        if (n >= 5 && (s.charAt(n - 5) == '+' || s.charAt(n - 5) == '-') && s.indexOf('T') > 0) {
            iso = s.substring(0, n - 2) + ":" + s.substring(n - 2);
        }
        try {
            return OffsetDateTime.parse(iso, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("not a Graph time: '" + s + "'", e);
        }
    }

    /** The hot path alone: null when {@code s} is not a valid time of the compact shape (tests check it takes it). */
    static Instant parseCompactOffset(String s) {
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 2);
        int day = digits(s, 8, 2);
        int hour = digits(s, 11, 2);
        int minute = digits(s, 14, 2);
        int second = digits(s, 17, 2);
        int offH = digits(s, 20, 2);
        int offM = digits(s, 22, 2);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23
                || minute < 0 || minute > 59 || second < 0 || second > 59 || offH < 0 || offM < 0
                || s.charAt(4) != '-' || s.charAt(7) != '-' || s.charAt(13) != ':' || s.charAt(16) != ':') {
            return null;
        }
        if (day > java.time.YearMonth.of(year, month).lengthOfMonth()) {
            return null; // 30 February: the ISO parser then refuses it as malformed, as it does any other
        }
        long days = java.time.LocalDate.of(year, month, day).toEpochDay();
        int offset = (offH * 3600 + offM * 60) * (s.charAt(19) == '-' ? -1 : 1);
        return Instant.ofEpochSecond(days * 86_400 + hour * 3600L + minute * 60L + second - offset);
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
