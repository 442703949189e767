package app.inboxsync.sync;

import java.util.Objects;

/**
 * A Graph failure the gateway could not recover from. The message is for people: it says what happened
 * and what to do next, and it never contains a token.
 */
public final class GraphException extends RuntimeException {

    /** What kind of failure, which decides what the engine and the UI do with it. */
    public enum Kind {
        /** Code 190: the token is invalid (password change, revoked permission, expired). Never retried. */
        TOKEN_INVALID,
        /** Codes 10 and 200–299: the token lacks a permission. Never retried. */
        PERMISSION,
        /** Code 100 and other request errors. Never retried. */
        INVALID_REQUEST,
        /** Throttled (4, 17, 32, 613, 80001) for longer than the gateway is willing to wait. */
        RATE_LIMITED,
        /** Network failures, 5xx, codes 1 and 2, after every retry. */
        TRANSIENT,
        /** A response that is not the JSON Graph promises. */
        MALFORMED
    }

    private final Kind kind;
    private final int code;
    private final int subcode;
    private final String fbtraceId;
    private volatile int httpCalls;

    public GraphException(Kind kind, String message, int code, int subcode, String fbtraceId, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.code = code;
        this.subcode = subcode;
        this.fbtraceId = fbtraceId;
    }

    public GraphException(Kind kind, String message) {
        this(kind, message, 0, 0, null, null);
    }

    public Kind kind() {
        return kind;
    }

    /** Graph's {@code error.code}, or 0 when the failure was not a Graph error body. */
    public int code() {
        return code;
    }

    public int subcode() {
        return subcode;
    }

    public String fbtraceId() {
        return fbtraceId;
    }

    /** The HTTP requests the failed call sent before it gave up, retries included: each is an API call. */
    public int httpCalls() {
        return httpCalls;
    }

    /** Records how many HTTP requests the failed call sent; returns this exception. */
    public GraphException afterCalls(int calls) {
        this.httpCalls = calls;
        return this;
    }
}
