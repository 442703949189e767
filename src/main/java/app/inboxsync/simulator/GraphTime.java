package app.inboxsync.simulator;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Graph's time format: {@code 2024-11-10T17:00:00+0000} (UTC, seconds, no colon in the offset). */
final class GraphTime {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx").withZone(ZoneOffset.UTC);

    private GraphTime() {
    }

    static String format(long epochSecond) {
        return FORMAT.format(Instant.ofEpochSecond(epochSecond));
    }
}
