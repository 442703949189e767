package app.inboxsync.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Parses {@code --watch} values such as 30s, 5m, 1h or 1h30m. */
final class WatchInterval {
    private static final Pattern PART = Pattern.compile("(\\d+)([smh])");

    private WatchInterval() {
    }

    static Duration parse(String text, CommandLine cli) {
        String s = text.strip().toLowerCase(java.util.Locale.ROOT);
        Matcher m = PART.matcher(s);
        Duration total = Duration.ZERO;
        int end = 0;
        while (m.find() && m.start() == end) {
            long n = Long.parseLong(m.group(1));
            total = total.plus(switch (m.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                default -> Duration.ofHours(n);
            });
            end = m.end();
        }
        if (end != s.length() || end == 0 || total.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new CommandLine.ParameterException(cli,
                    "--watch takes a duration of at least 10s, such as 30s, 5m, 1h or 1h30m (got '" + text + "').");
        }
        return total;
    }
}
