package app.inboxsync.testing;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;

/**
 * The suite-wide log appender (see {@code logback-test.xml}, where the root logger is at TRACE): every event of
 * every test is searched, as it happens, for a token of the Graph simulator ({@code SIMPAGE…}, {@code SIMUSER…}),
 * of the MockWebServer tests ({@code CANARY…}, {@code PAGE_TOKEN_n}) and for any secret a test registered with
 * {@link #forbid}. Only offending lines are kept (a few per test) and the events counted per level, so TRACE
 * costs a search, not memory; {@link SecretsStayOutOfLogs} fails the test that logged one and starts afresh.
 */
public final class SecretWatch extends AppenderBase<ILoggingEvent> {
    /** Tokens as the simulator and the MockWebServer tests make them; 8+ characters of a token's random part leak it. */
    private static final Pattern TOKENS = Pattern.compile("SIM(?:PAGE\\d+x|USER)[a-z0-9]{8,}|CANARY|PAGE_TOKEN_\\d");
    private static final int KEPT = 5;

    private static final Set<String> forbidden = ConcurrentHashMap.newKeySet();
    private static final List<String> offending = new ArrayList<>();
    private static final LongAdder[] perLevel = {new LongAdder(), new LongAdder(), new LongAdder(), new LongAdder(),
            new LongAdder()};
    private static volatile boolean installed;

    @Override
    public void start() {
        installed = true;
        super.start();
    }

    /** True once logback made this appender (the extension refuses to run blind). */
    public static boolean installed() {
        return installed;
    }

    /** Also fail the current test if {@code secret} shows up in a log event (e.g. an appsecret_proof). */
    public static void forbid(String secret) {
        if (secret != null && !secret.isEmpty()) {
            forbidden.add(secret);
        }
    }

    /** Log events seen since the last {@link #reset()} at {@code level} (TRACE, DEBUG, INFO, WARN or ERROR). */
    public static long events(ch.qos.logback.classic.Level level) {
        return perLevel[index(level)].sum();
    }

    /** The offending events since the last reset (at most a few), and forgets them. */
    public static synchronized List<String> takeOffending() {
        List<String> out = List.copyOf(offending);
        offending.clear();
        return out;
    }

    /** A new test: counts and offences start at zero, secrets registered by the last test are dropped. */
    public static synchronized void reset() {
        offending.clear();
        forbidden.clear();
        for (LongAdder a : perLevel) {
            a.reset();
        }
    }

    @Override
    protected void append(ILoggingEvent event) {
        perLevel[index(event.getLevel())].increment();
        String message = event.getFormattedMessage();
        String leak = leak(message);
        IThrowableProxy thrown = event.getThrowableProxy();
        if (leak == null && thrown != null) {
            leak = leak(ThrowableProxyUtil.asString(thrown));
        }
        if (leak != null) {
            synchronized (SecretWatch.class) {
                if (offending.size() < KEPT) {
                    String shown = masked(message);
                    offending.add(event.getLevel() + " " + event.getLoggerName() + " [" + event.getThreadName() + "]: "
                            + (shown.length() > 500 ? shown.substring(0, 500) + "…" : shown) + "  (a " + leak + ")");
                }
            }
        }
    }

    /** What kind of secret {@code text} holds, or null. */
    private static String leak(String text) {
        if (text == null) {
            return null;
        }
        if (text.contains("SIM") || text.contains("CANARY") || text.contains("PAGE_TOKEN_")) {
            var m = TOKENS.matcher(text);
            if (m.find()) {
                return m.group().startsWith("SIMPAGE") ? "simulator Page token" : m.group().startsWith("SIMUSER")
                        ? "simulator user token" : "MockWebServer test token";
            }
        }
        for (String secret : forbidden) {
            if (text.contains(secret)) {
                return "secret the test registered";
            }
        }
        return null;
    }

    /** The line as reported: the failure message must not spread the secret further (reports, CI logs). */
    private static String masked(String text) {
        String out = TOKENS.matcher(text).replaceAll("«secret»");
        for (String secret : forbidden) {
            out = out.replace(secret, "«secret»");
        }
        return out;
    }

    private static int index(ch.qos.logback.classic.Level level) {
        return switch (level.toInt()) {
            case ch.qos.logback.classic.Level.TRACE_INT -> 0;
            case ch.qos.logback.classic.Level.DEBUG_INT -> 1;
            case ch.qos.logback.classic.Level.INFO_INT -> 2;
            case ch.qos.logback.classic.Level.WARN_INT -> 3;
            default -> 4;
        };
    }
}
