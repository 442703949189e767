package app.inboxsync.graph;

import app.inboxsync.sync.GraphException;
import app.inboxsync.sync.GraphObserver;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * Makes one logical Graph GET and decides what every failure means: transient ones (network, 5xx, codes 1
 * and 2, malformed JSON) are retried with exponential backoff and jitter up to {@code maxAttempts}; rate
 * limits are waited out up to {@code maxRateLimitWait}; everything else fails at once. Pacing, auth and
 * logging happen in the OkHttp interceptors below it.
 */
final class GraphCaller {
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    static final Duration FIRST_RATE_LIMIT_WAIT = Duration.ofSeconds(1);
    static final Duration MAX_RATE_LIMIT_STEP = Duration.ofSeconds(60);

    /** A parsed body and how many HTTP requests it took, retries included. */
    record Answer<T>(T body, int httpCalls) {
    }

    private final Call.Factory http;
    private final ObjectMapper json;
    private final GraphSettings settings;
    private final Sleeper sleeper;
    private final GraphObserver observer;
    private final PageThrottle pacing;

    GraphCaller(Call.Factory http, ObjectMapper json, GraphSettings settings, Sleeper sleeper, GraphObserver observer,
            PageThrottle pacing) {
        this.pacing = pacing;
        this.http = http;
        this.json = json;
        this.settings = settings;
        this.sleeper = sleeper;
        this.observer = observer;
    }

    /** The answer; a failure carries every attempt that reached Facebook ({@link GraphException#httpCalls()}). */
    <T> Answer<T> get(PageCall call, HttpUrl firstUrl, Class<T> type, String what) {
        int[] sent = {0};
        try {
            return get(call, firstUrl, type, what, sent);
        } catch (GraphException e) {
            throw e.withHttpCalls(sent[0]);
        }
    }

    private <T> Answer<T> get(PageCall call, HttpUrl firstUrl, Class<T> type, String what, int[] sent) {
        HttpUrl url = firstUrl;
        int calls = 0;
        boolean staleRetried = false;
        int transientFailures = 0;
        int rateLimitWaits = 0;
        Duration rateLimited = Duration.ZERO;
        while (true) {
            ReusedConnections.Note connection = new ReusedConnections.Note();
            Request request = new Request.Builder().url(url).get().tag(PageCall.class, call)
                    .tag(ReusedConnections.Note.class, connection).build();
            String reason;
            boolean malformed = false;
            boolean answered = false;
            AnswerSizeCap.TooLarge tooLarge = null;
            Duration serverAsks = null;
            Wire.Error error = null;
            try {
                // Paced before the call, so the call's deadline is for Facebook's answer, not for our pacing.
                pacing.awaitTurn(call.pageId());
                sent[0] = ++calls;
            } catch (PageThrottle.PageHeldException e) {
                throw GraphFailures.heldTooLong(e.wait, settings.maxRateLimitWait(), call);
            } catch (InterruptedException e) {
                throw GraphFailures.interrupted(call);
            }
            try (Response response = http.newCall(request).execute()) {
                answered = true;
                ResponseBody body = response.body();
                if (response.isSuccessful()) {
                    try {
                        T value = json.readValue(body.byteStream(), type);
                        if (value != null) {
                            return new Answer<>(value, calls);
                        }
                        reason = "an empty answer";
                    } catch (JsonProcessingException e) {
                        IOException network = networkCause(e);
                        if (network != null) {
                            throw network; // the connection broke while Jackson read the body: not bad JSON
                        }
                        if (e instanceof MismatchedInputException wrongType) {
                            // well-formed JSON with a field of another type: the same answer again won't help
                            throw GraphFailures.malformedContent(what, wrongTypeOf(wrongType));
                        }
                        reason = e instanceof JsonEOFException || String.valueOf(e.getOriginalMessage())
                                .contains("end-of-input") ? "the answer was cut off" : "the answer was not JSON";
                    }
                    malformed = true;
                } else {
                    int status = response.code();
                    serverAsks = RetryAfter.of(response.headers(), java.time.Instant.now());
                    error = readError(body);
                    int code = error == null || error.code() == null ? 0 : error.code();
                    if (GraphFailures.throttled(code) || (code == 0 && status == 429)) {
                        Duration wait = serverAsks != null ? serverAsks
                                : rateLimitWait(Usage.of(response.headers(), json), rateLimitWaits++);
                        if (rateLimited.plus(wait).compareTo(settings.maxRateLimitWait()) > 0) {
                            throw GraphFailures.rateLimited(status, error, wait, rateLimited,
                                    settings.maxRateLimitWait(), call);
                        }
                        rateLimited = rateLimited.plus(wait);
                        pause(call, wait, "Facebook rate limit (" + GraphFailures.limitName(status, error)
                                + "): waiting " + GraphFailures.human(wait));
                        continue;
                    }
                    if (code == 1) {
                        // "Please reduce the amount of data you're asking for": ask for fewer items next time.
                        url = GraphUrls.halveLimits(url);
                    } else if (code != 2 && !(status >= 500 && isUnknownCode(code))) {
                        // a field or folder this Graph version refuses is the client's to handle (GraphRefusal)
                        throw GraphRefusal.orFatal(GraphFailures.fatal(status, error, call, what), status, error, calls,
                                GraphFailures.graphSaid(status, error, call.token()));
                    }
                    reason = GraphFailures.transientReason(status, error, call.token());
                }
            } catch (AnswerSizeCap.TooLarge e) {
                HttpUrl smaller = GraphUrls.halveLimits(url);
                if (smaller.equals(url)) {
                    throw GraphFailures.tooLarge(what, e.maxBytes);
                }
                url = smaller; // fewer conversations or messages at a time make a smaller answer
                tooLarge = e;
                reason = e.getMessage();
            } catch (InterruptedIOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw GraphFailures.interrupted(call);
                }
                reason = GraphFailures.networkReason(e, call.token());
            } catch (IOException e) {
                if (!answered && connection.reused() && !staleRetried && !Thread.currentThread().isInterrupted()) {
                    // The server had closed this idle pooled connection; the request died on it unanswered.
                    // Asking again on a fresh connection is safe (a GET) and needs no wait.
                    staleRetried = true;
                    continue;
                }
                if (e instanceof java.net.ConnectException || e instanceof java.net.UnknownHostException) {
                    sent[0] = --calls; // never reached Facebook
                }
                reason = GraphFailures.networkReason(e, call.token());
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                // OkHttp (Kotlin) throws the checked InterruptedException undeclared when a cancel's interrupt
                // comes while it waits for a TCP connect; it clears the flag, which interrupted() sets again.
                if (e instanceof InterruptedException) {
                    throw GraphFailures.interrupted(call);
                }
                throw new IllegalStateException(e);
            }
            if (Thread.currentThread().isInterrupted()) {
                // the failure was most likely our own stop cutting the answer short: no retry, no notice
                throw GraphFailures.interrupted(call);
            }
            transientFailures++;
            if (tooLarge != null) {
                if (transientFailures >= settings.maxAttempts()) {
                    throw GraphFailures.tooLarge(what, tooLarge.maxBytes);
                }
                continue; // a smaller request right away: the server answered, it is not struggling
            }
            if (transientFailures >= settings.maxAttempts()) {
                // No cause attached: third-party exceptions may quote URLs, and this message travels to people.
                throw GraphFailures.exhausted(transientFailures, reason, malformed, error, null);
            }
            Duration wait = backoff(transientFailures);
            if (serverAsks != null && serverAsks.compareTo(wait) > 0) {
                wait = serverAsks.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : serverAsks; // a 503's Retry-After
            }
            pause(call, wait, "Facebook did not answer (" + reason + "): waiting " + GraphFailures.human(wait)
                    + ", then attempt " + (transientFailures + 1) + " of " + settings.maxAttempts());
        }
    }

    /**
     * Jackson wraps an I/O failure met while reading a list (the connection cut mid-body) in a mapping
     * exception; that is a network failure, not an answer that is "not the JSON Facebook promises".
     */
    private static IOException networkCause(JsonProcessingException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof IOException io && !(t instanceof JsonProcessingException)) {
                return io;
            }
        }
        return null;
    }

    /** {@code the field data[3].message_count is a string ("many") where Inbox Sync expects a number}. */
    private static String wrongTypeOf(MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        String expected = e.getTargetType() == null ? "another type" : expectedName(e.getTargetType());
        String got = e instanceof InvalidFormatException f && f.getValue() != null
                ? " (" + GraphUrls.stripQueries(String.valueOf(f.getValue())) + ")" : "";
        return "the field " + (path.length() == 0 ? "(top level)" : path) + got + " is not " + expected;
    }

    private static String expectedName(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || type.isPrimitive()) {
            return "a number";
        }
        if (type == String.class) {
            return "a text";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    /** Codes (0 = none) that are not known to be fatal; on a 5xx they are treated as transient. */
    private static boolean isUnknownCode(int code) {
        return code != 190 && code != 102 && code != 10 && code != 100 && !(code >= 200 && code <= 299);
    }

    /** base × 2^(n−1), capped at 30 s, with "equal jitter" (half fixed, half random) so retries spread out. */
    Duration backoff(int failures) {
        long base = settings.backoffBase().toMillis();
        long full = Math.min(MAX_BACKOFF.toMillis(), base << Math.min(failures - 1, 20));
        long half = full / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(full - half + 1));
    }

    /** Graph's estimate when it gives one, else 1 s doubling up to 60 s. */
    static Duration rateLimitWait(Usage usage, int earlierWaits) {
        if (usage.regainAccessIn().compareTo(Duration.ZERO) > 0) {
            return usage.regainAccessIn();
        }
        Duration step = FIRST_RATE_LIMIT_WAIT.multipliedBy(1L << Math.min(earlierWaits, 10));
        return step.compareTo(MAX_RATE_LIMIT_STEP) > 0 ? MAX_RATE_LIMIT_STEP : step;
    }

    private void pause(PageCall call, Duration wait, String reason) {
        observer.waiting(call.pageId(), wait, reason);
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            throw GraphFailures.interrupted(call);
        }
    }

    /** Graph's error object, or null when the body is not one (a proxy's HTML page, an empty 502). */
    private Wire.Error readError(ResponseBody body) {
        try {
            Wire.ErrorEnvelope envelope = json.readValue(body.byteStream(), Wire.ErrorEnvelope.class);
            return envelope == null ? null : envelope.error();
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
