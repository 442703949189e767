package app.inboxsync.cli;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/** Parses {@code --watch} values such as 30s, 5m, 1h or 1h30m: from 10 seconds to a day (longer: use cron). */
final class WatchInterval {
    private static final Pattern PART = Pattern.compile("(\\d+)([smh])");
    static final Duration SHORTEST = Duration.ofSeconds(10);
    static final Duration LONGEST = Duration.ofDays(1);

    private WatchInterval() {
    }

    static Duration parse(String text, CommandLine cli) {
        String s = text.strip().toLowerCase(java.util.Locale.ROOT);
        Matcher m = PART.matcher(s);
        Duration total = Duration.ZERO;
        int end = 0;
        boolean tooLong = false;
        while (m.find() && m.start() == end) {
            // a number too big for a long, or a sum past Duration's range, is simply "longer than a day"
            String digits = m.group(1).replaceFirst("^0+(?=\\d)", "");
            long seconds = digits.length() > 12 ? Long.MAX_VALUE : Long.parseLong(digits) * switch (m.group(2)) {
                case "s" -> 1;
                case "m" -> 60;
                default -> 3600;
            };
            tooLong |= seconds > LONGEST.toSeconds();
            total = tooLong ? LONGEST.plusSeconds(1) : total.plusSeconds(seconds);
            end = m.end();
        }
        if (end != s.length() || end == 0 || total.compareTo(SHORTEST) < 0 || total.compareTo(LONGEST) > 0) {
            throw new CommandLine.ParameterException(cli, "--watch takes a duration from 10s to 24h, such as 30s, 5m, 1h"
                    + " or 1h30m (got '" + text + "')" + (tooLong || total.compareTo(LONGEST) > 0
                    ? "; to sync less often than daily, run it from cron." : "."));
        }
        return total;
    }
}
