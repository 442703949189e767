package app.inboxsync.graph;

import app.inboxsync.domain.Secret;
import app.inboxsync.sync.GraphException;
import app.inboxsync.sync.GraphException.Kind;
import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;

/**
 * Builds the {@link GraphException}s people read: what happened, what to do next, Graph's own words with
 * code and fbtrace_id. Every text that did not come from us is scrubbed of the token and of URL queries.
 */
final class GraphFailures {
    static final String ADD_AGAIN = "Reconnect the Page with a fresh token (in the app: Reconnect; on the command line: pages add --token).";

    private GraphFailures() {
    }

    /** Graph's codes for throttling: wait, then retry. */
    static boolean throttled(int code) {
        return code == 4 || code == 17 || code == 32 || code == 613 || code == 80001;
    }

    /** A Graph error that retrying cannot fix (190, 102, 10, 200–299, 100, any other 4xx). */
    static GraphException fatal(int status, Wire.Error error, PageCall call, String what) {
        int code = codeOf(error);
        int subcode = error == null || error.subcode() == null ? 0 : error.subcode();
        String trace = error == null ? null : error.fbtraceId();
        String said = graphSaid(status, error, call.token());
        if (error == null && (status == 401 || status == 403 || status == 404 || status == 407)) {
            return withoutGraphBody(status, call, what);
        }
        if (code == 190 || code == 102) {
            String next = call.pageId() == null
                    ? "Check that the whole token was copied, or get a fresh one, and try again."
                    : ADD_AGAIN;
            String subject = call.pageId() == null ? "this token" : "the token of " + call.who();
            return new GraphException(Kind.TOKEN_INVALID, "Facebook no longer accepts " + subject + ": " + tokenReason(subcode) + ". " + said + " " + next, code, subcode, trace, null);
        }
        if (code == 10 || (code >= 200 && code <= 299)) {
            return new GraphException(Kind.PERMISSION, "Facebook refused " + what + ": the token lacks a permission. "
                    + said + " Make sure you still administer the Page and that the token was granted "
                    + "pages_messaging and pages_read_engagement, then " + lowerFirst(ADD_AGAIN), code, subcode, trace,
                    null);
        }
        return new GraphException(Kind.INVALID_REQUEST, "Facebook rejected the request for " + what + ". " + said
                + " This is likely a Graph version change or a bug in Inbox Sync: check the Graph version setting, "
                + "and report it " + (trace == null ? "with the time of the sync" : "with the fbtrace_id")
                + " if it persists.", code, subcode, trace, null);
    }

    /**
     * 401, 403, 404 or 407 without Graph's error object (an HTML page): Graph itself always explains its
     * refusals, so this came from something in between (a proxy, a firewall, a captive portal) or from a wrong
     * Graph address. Say what the status means; there is no fbtrace_id to report.
     */
    private static GraphException withoutGraphBody(int status, PageCall call, String what) {
        String meaning = switch (status) {
            case 401 -> "HTTP 401 Unauthorized: the request was not accepted as signed in";
            case 403 -> "HTTP 403 Forbidden: access was refused";
            case 404 -> "HTTP 404 Not Found: there is no such address";
            default -> "HTTP 407 Proxy Authentication Required: a proxy on the way wants a sign-in";
        };
        String next = status == 404
                ? "Check the Graph address and version settings (e.g. https://graph.facebook.com, v25.0)."
                : status == 407 ? "Set up the proxy's sign-in for this machine, or let Inbox Sync through it."
                : "If a proxy or firewall stands between this machine and Facebook, check that it lets Inbox Sync "
                        + "through; otherwise " + lowerFirst(call.pageId() == null
                        ? "Check that the whole token was copied, or get a fresh one, and try again." : ADD_AGAIN);
        return new GraphException(status == 404 ? Kind.INVALID_REQUEST : Kind.PERMISSION, "Facebook refused " + what
                + " with " + meaning + ", without Graph's own explanation (the answer was a web page, not Graph's "
                + "JSON). " + next, 0, 0, null, null);
    }

    /** An answer larger than one may be, even for one item at a time (or after every smaller try). */
    static GraphException tooLarge(String what, long maxBytes) {
        return new GraphException(Kind.MALFORMED, "Facebook's answer for " + what + " was larger than the "
                + AnswerSizeCap.megabytes(maxBytes) + " one answer may be, even when asking for fewer items at a "
                + "time; Inbox Sync stopped reading it rather than run out of memory. Nothing was lost. If this "
                + "Page really holds such large messages, allow larger answers with " + GraphSettings.MAX_ANSWER_ENV
                + " (in MB) and sync again.");
    }

    static GraphException rateLimited(int status, Wire.Error error, Duration nextWait, Duration waited,
            Duration maxWait, PageCall call) {
        return new GraphException(Kind.RATE_LIMITED, "Facebook is rate limiting " + call.who() + " ("
                + limitName(status, error) + ") and asks to wait " + human(nextWait) + " more, after "
                + human(waited) + " of waiting; that is more than the " + human(maxWait) + " a sync waits. "
                + graphSaid(status, error, call.token()) + " Run the sync again later; what was copied is kept.",
                codeOf(error), error == null || error.subcode() == null ? 0 : error.subcode(),
                error == null ? null : error.fbtraceId(), null);
    }

    static GraphException heldTooLong(Duration hold, Duration maxWait, PageCall call) {
        return new GraphException(Kind.RATE_LIMITED, "Facebook asked to pause calls for " + call.who() + " for "
                + human(hold) + ", more than the " + human(maxWait) + " a sync waits. Run the sync again later; "
                + "what was copied is kept.");
    }

    static GraphException exhausted(int attempts, String lastReason, boolean malformed, Wire.Error error,
            Throwable cause) {
        int code = codeOf(error);
        int subcode = error == null || error.subcode() == null ? 0 : error.subcode();
        String trace = error == null ? null : error.fbtraceId();
        if (malformed) {
            return new GraphException(Kind.MALFORMED, "Facebook's answer was not the JSON it promises after "
                    + attempts(attempts) + " (last: " + lastReason + "). Run the sync again later; nothing was lost. "
                    + "If it keeps happening, report it with the time of the sync.", code, subcode, trace, cause);
        }
        return new GraphException(Kind.TRANSIENT, "Facebook did not answer after " + attempts(attempts) + " (last: "
                + lastReason + "). Check the network and run the sync again; nothing was lost.", code, subcode, trace,
                cause);
    }

    private static String attempts(int n) {
        return n == 1 ? "1 attempt" : n + " attempts";
    }

    static GraphException malformedContent(String what, String problem) {
        return new GraphException(Kind.MALFORMED, "Facebook's answer for " + what + " cannot be stored: " + problem
                + ". Run the sync again later; nothing was lost. If it keeps happening, report it.");
    }

    static GraphException interrupted(PageCall call) {
        Thread.currentThread().interrupt();
        return new GraphException(Kind.TRANSIENT, "Stopped while waiting for Facebook (" + call.who()
                + "): the sync was cancelled. Nothing was lost; run it again to continue.");
    }

    /** {@code Facebook said: "…" (code 190, subcode 460, fbtrace_id X).} — or the HTTP status without a body. */
    static String graphSaid(int status, Wire.Error error, Secret token) {
        if (error == null) {
            return "Facebook answered HTTP " + status + " without an error description.";
        }
        StringBuilder s = new StringBuilder("Facebook said: \"")
                .append(clean(error.message(), token)).append("\" (code ").append(codeOf(error));
        if (error.subcode() != null && error.subcode() != 0) {
            s.append(", subcode ").append(error.subcode());
        }
        if (error.fbtraceId() != null) {
            s.append(", fbtrace_id ").append(clean(error.fbtraceId(), token));
        }
        return s.append(").").toString();
    }

    /** Why a transient attempt failed, in a few words for the retry note and the final message. */
    static String transientReason(int status, Wire.Error error, Secret token) {
        if (error != null && error.code() != null) {
            return "Graph error code " + error.code() + ": " + clean(error.message(), token);
        }
        return "HTTP " + status;
    }

    /** A network failure in a few words; third-party text is scrubbed of the token and of URL queries. */
    static String networkReason(IOException e, Secret token) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        String lower = message.toLowerCase(Locale.ROOT);
        if (e instanceof SocketTimeoutException || lower.contains("timeout") || lower.contains("timed out")) {
            return "timed out";
        }
        if (lower.contains("connection reset")) {
            return "connection reset";
        }
        if (e instanceof EOFException || lower.contains("unexpected end of stream") || lower.contains("closed")) {
            return "connection dropped";
        }
        if (e instanceof UnknownHostException) {
            return "unknown host " + clean(message, token);
        }
        if (e instanceof ConnectException) {
            return "could not connect (" + clean(message, token) + ")";
        }
        if (e instanceof SocketException) {
            return "network error (" + clean(message, token) + ")";
        }
        // never a Java class name in front of people: the message alone, in a few words
        return message.isEmpty() ? "network error" : "network error (" + clean(message, token) + ")";
    }

    static String human(Duration d) {
        return app.inboxsync.sync.WaitWords.of(d);
    }

    static String limitName(int status, Wire.Error error) {
        int code = codeOf(error);
        return code != 0 ? "code " + code : "HTTP " + status;
    }

    static String clean(String text, Secret token) {
        if (text == null) {
            return "";
        }
        String scrubbed = token == null ? text : token.scrub(text);
        return GraphUrls.stripQueries(scrubbed);
    }

    private static int codeOf(Wire.Error error) {
        return error == null || error.code() == null ? 0 : error.code();
    }

    private static String tokenReason(int subcode) {
        switch (subcode) {
            case 458: return "the app was removed from the account";
            case 459: return "the account is checkpointed (Facebook wants its owner to log in and confirm)";
            case 460: return "the account's password was changed";
            case 463: return "the token expired";
            case 467: return "the user logged out or the session is no longer valid";
            default: return "the token is invalid";
        }
    }

    private static String lowerFirst(String s) {
        return Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
