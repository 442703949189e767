package app.inboxsync.graph;

import app.inboxsync.domain.Secret;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * How the Graph client talks to Facebook (or to the bundled simulator). Validated up front so a bad
 * setting fails at startup with a message that says what to fix, not at the first sync.
 *
 * @param baseUrl               scheme and host (and port), e.g. {@code https://graph.facebook.com}
 * @param version               Graph version path segment, e.g. {@code v25.0}
 * @param appSecret             when set, every call carries {@code appsecret_proof}; may be null
 * @param callsPerSecondPerPage pacing per Page (Graph allows about 2); 0 turns pacing off
 * @param maxAttempts           attempts for transient failures (5xx, codes 1 and 2, network) before giving up
 * @param backoffBase           first transient backoff; doubles each attempt, capped at 30 s
 * @param maxRateLimitWait      longest total wait for one call under a Facebook rate limit before giving up
 * @param callTimeout           deadline for one HTTP request from sending it to the last byte of the answer
 *                              (a trickling server is cut off here; retries get a deadline of their own)
 * @param maxAnswerBytes        the largest answer read into memory; a larger one is refused with a sentence
 */
public record GraphSettings(
        String baseUrl,
        String version,
        Secret appSecret,
        double callsPerSecondPerPage,
        Duration connectTimeout,
        Duration readTimeout,
        int maxAttempts,
        Duration backoffBase,
        Duration maxRateLimitWait,
        Duration callTimeout,
        long maxAnswerBytes) {

    /** Default cap on one answer; {@value #MAX_ANSWER_ENV} (in MB) changes it. */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 64L << 20;
    public static final String MAX_ANSWER_ENV = "INBOXSYNC_MAX_ANSWER_MB";

    private static final Pattern VERSION = Pattern.compile("v\\d+\\.\\d+");

    public GraphSettings {
        Objects.requireNonNull(baseUrl, "Graph base URL is missing (e.g. https://graph.facebook.com)");
        baseUrl = baseUrl.strip();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        HttpUrl parsed = HttpUrl.parse(baseUrl);
        if (parsed == null) {
            throw new IllegalArgumentException("Graph base URL '" + baseUrl
                    + "' is not an http(s) URL; use e.g. https://graph.facebook.com or http://127.0.0.1:8080");
        }
        if (!parsed.isHttps() && !isLoopback(parsed.host())) {
            throw new IllegalArgumentException("Graph base URL '" + baseUrl + "' must use https: tokens travel with "
                    + "every call. Plain http is only for a Graph simulator on this machine (127.0.0.1, localhost, ::1).");
        }
        if (parsed.query() != null) {
            throw new IllegalArgumentException("Graph base URL must not carry a query (tokens go in a header); got "
                    + parsed.newBuilder().query(null).build());
        }
        if (version == null || !VERSION.matcher(version.strip()).matches()) {
            throw new IllegalArgumentException("Graph version must look like v25.0 (got '" + version + "')");
        }
        version = version.strip();
        if (!(callsPerSecondPerPage >= 0) || Double.isInfinite(callsPerSecondPerPage)) {
            throw new IllegalArgumentException("Calls per second per Page must be 0 (no pacing) or a positive number, e.g. 2");
        }
        connectTimeout = positive(connectTimeout, "Connect timeout");
        readTimeout = positive(readTimeout, "Read timeout");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("Max attempts must be at least 1 (default 5); got " + maxAttempts);
        }
        backoffBase = positive(backoffBase, "Backoff base");
        Objects.requireNonNull(maxRateLimitWait, "Max rate limit wait is missing (default 15 minutes)");
        if (maxRateLimitWait.isNegative()) {
            throw new IllegalArgumentException("Max rate limit wait must not be negative; use 0 to never wait");
        }
        callTimeout = positive(callTimeout, "Call timeout");
        if (maxAnswerBytes < 1024) {
            throw new IllegalArgumentException("The largest answer Inbox Sync reads must be at least 1 KB (default "
                    + (DEFAULT_MAX_ANSWER_BYTES >> 20) + " MB, set in MB with " + MAX_ANSWER_ENV + "); got "
                    + maxAnswerBytes + " bytes");
        }
    }

    public static GraphSettings defaults(String baseUrl) {
        return new GraphSettings(baseUrl, "v25.0", null, 2.0, Duration.ofSeconds(10), Duration.ofSeconds(60), 5,
                Duration.ofMillis(500), Duration.ofMinutes(15), Duration.ofMinutes(2),
                maxAnswerBytesFrom(System.getenv(MAX_ANSWER_ENV)));
    }

    /** {@value #MAX_ANSWER_ENV} in MB, or the default when unset. */
    static long maxAnswerBytesFrom(String megabytes) {
        if (megabytes == null || megabytes.isBlank()) {
            return DEFAULT_MAX_ANSWER_BYTES;
        }
        try {
            long mb = Long.parseLong(megabytes.strip());
            if (mb >= 1 && mb <= 4096) {
                return mb << 20;
            }
        } catch (NumberFormatException e) {
            // falls through to the sentence below
        }
        throw new IllegalArgumentException(MAX_ANSWER_ENV + " must be a whole number of megabytes from 1 to 4096 "
                + "(default " + (DEFAULT_MAX_ANSWER_BYTES >> 20) + "); got '" + megabytes + "'");
    }

    /** Another deadline per call and cap on one answer's size. */
    public GraphSettings withAnswerLimits(Duration deadline, long maxBytes) {
        return new GraphSettings(baseUrl, version, appSecret, callsPerSecondPerPage, connectTimeout, readTimeout,
                maxAttempts, backoffBase, maxRateLimitWait, deadline, maxBytes);
    }

    public GraphSettings withBaseUrl(String url) {
        return new GraphSettings(url, version, appSecret, callsPerSecondPerPage, connectTimeout, readTimeout,
                maxAttempts, backoffBase, maxRateLimitWait, callTimeout, maxAnswerBytes);
    }

    public GraphSettings withVersion(String v) {
        return new GraphSettings(baseUrl, v, appSecret, callsPerSecondPerPage, connectTimeout, readTimeout,
                maxAttempts, backoffBase, maxRateLimitWait, callTimeout, maxAnswerBytes);
    }

    public GraphSettings withAppSecret(Secret secret) {
        return new GraphSettings(baseUrl, version, secret, callsPerSecondPerPage, connectTimeout, readTimeout,
                maxAttempts, backoffBase, maxRateLimitWait, callTimeout, maxAnswerBytes);
    }

    public GraphSettings withCallsPerSecondPerPage(double rate) {
        return new GraphSettings(baseUrl, version, appSecret, rate, connectTimeout, readTimeout,
                maxAttempts, backoffBase, maxRateLimitWait, callTimeout, maxAnswerBytes);
    }

    public GraphSettings withTimeouts(Duration connect, Duration read) {
        return new GraphSettings(baseUrl, version, appSecret, callsPerSecondPerPage, connect, read,
                maxAttempts, backoffBase, maxRateLimitWait, callTimeout, maxAnswerBytes);
    }

    public GraphSettings withRetries(int attempts, Duration base) {
        return new GraphSettings(baseUrl, version, appSecret, callsPerSecondPerPage, connectTimeout, readTimeout,
                attempts, base, maxRateLimitWait, callTimeout, maxAnswerBytes);
    }

    public GraphSettings withMaxRateLimitWait(Duration wait) {
        return new GraphSettings(baseUrl, version, appSecret, callsPerSecondPerPage, connectTimeout, readTimeout,
                maxAttempts, backoffBase, wait, callTimeout, maxAnswerBytes);
    }

    /** {@code {base}/{version}/} as an URL to resolve Graph paths against. */
    HttpUrl versionRoot() {
        return HttpUrl.get(baseUrl).newBuilder().addPathSegment(version).build();
    }

    /** This machine by name or address; a name is not resolved, so "localhost.example.com" is not loopback. */
    private static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("::1") || host.matches("127(\\.\\d{1,3}){3}");
    }

    private static Duration positive(Duration d, String what) {
        if (d == null || d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException(what + " must be a positive duration; got " + d);
        }
        return d;
    }
}
