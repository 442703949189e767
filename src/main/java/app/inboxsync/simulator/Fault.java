package app.inboxsync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Objects;
import java.util.function.UnaryOperator;

/** A way a Graph call can go wrong, injected through {@link Faults}. */
public sealed interface Fault {

    /** A Graph error body, e.g. (500, 2, 0, "temporary") or (400, 4, 0, "Application request limit reached"). */
    record GraphError(int httpStatus, int code, int subcode, String message) implements Fault {
        public GraphError {
            Objects.requireNonNull(message, "message");
        }
    }

    /** A non-JSON server failure (a plain text body), like a proxy in front of Graph gives. */
    record ServerError(int httpStatus) implements Fault {
    }

    /** The socket closes without any response. */
    record DropConnection() implements Fault {
    }

    /** HTTP 200 with a truncated JSON body. */
    record MalformedJson() implements Fault {
    }

    /** HTTP 200 whose body is not JSON at all (a captive portal's or proxy's HTML page). */
    record NotJson() implements Fault {
    }

    /** The status line, headers and half of the body arrive, then the connection closes. */
    record CutMidBody() implements Fault {
    }

    /**
     * A throttling error with Graph's usage headers ({@code X-App-Usage}, {@code X-Page-Usage},
     * {@code X-Business-Use-Case-Usage}) at {@code usagePercent}, naming {@code minutesToRegain} in
     * {@code estimated_time_to_regain_access} (0 leaves the field out).
     */
    record Throttled(GraphError error, int usagePercent, int minutesToRegain) implements Fault {
        public Throttled {
            Objects.requireNonNull(error, "error");
            if (usagePercent < 0 || minutesToRegain < 0) {
                throw new IllegalArgumentException("usagePercent and minutesToRegain must be >= 0");
            }
        }
    }

    /**
     * The normal answer with its JSON changed by {@code edit} (a new field, a field of another type…);
     * for data Facebook might send one day. Applies to JSON answers only.
     */
    record EditedJson(UnaryOperator<JsonNode> edit) implements Fault {
        public EditedJson {
            Objects.requireNonNull(edit, "edit");
        }
    }

    /** The normal answer, but only after {@code d}: provokes client timeouts. */
    record Delay(Duration d) implements Fault {
        public Delay {
            Objects.requireNonNull(d, "d");
        }
    }

    /** A conversations listing whose page is not newest-first; only matches conversations listings. */
    record ShuffledOrder() implements Fault {
    }

    // Answers a broken or hostile server can give (see HostileAnswers).

    /**
     * {@code paging.next} leads back to the page just read, forever: the very same link ({@code sameLink}) or
     * a link that differs (an extra parameter) yet answers the same page again. Conversations listings and the
     * messages edge; nested message lists in a listing repeat too.
     */
    record RepeatingNext(boolean sameLink) implements Fault {
    }

    /** HTTP 200 whose JSON never ends: a chunked body that goes on as long as the client reads. */
    record EndlessBody() implements Fault {
    }

    /** HTTP 200 with a well-formed answer padded to about {@code bytes} (announced in Content-Length). */
    record OversizedBody(long bytes) implements Fault {
        public OversizedBody {
            if (bytes < 64) {
                throw new IllegalArgumentException("bytes must be at least 64");
            }
        }
    }

    /** The normal answer, written {@code bytesPerSecond} bytes a second. */
    record Trickle(int bytesPerSecond) implements Fault {
        public Trickle {
            if (bytesPerSecond < 1) {
                throw new IllegalArgumentException("bytesPerSecond must be at least 1");
            }
        }
    }

    /** The newest message of the answer (nested in a listing or on the messages edge) gets a text of {@code chars}. */
    record HugeText(int chars) implements Fault {
    }

    /** The first conversation of a listing says it was updated at {@code updatedTime}, verbatim (e.g. year 9999). */
    record OddTime(String updatedTime) implements Fault {
        public OddTime {
            Objects.requireNonNull(updatedTime, "updatedTime");
        }
    }

    /** The first conversation of a listing reports {@code messageCount} messages (e.g. -7). */
    record OddCount(int messageCount) implements Fault {
    }

    /** Every customer among the participants of a listing comes without an id (the name stays). */
    record ParticipantWithoutId() implements Fault {
    }

    /** The first page of {@code folder}'s listing also lists conversation {@code conversationId} of another folder. */
    record AlsoListedIn(String conversationId, String folder) implements Fault {
        public AlsoListedIn {
            Objects.requireNonNull(conversationId, "conversationId");
            Objects.requireNonNull(folder, "folder");
        }
    }

    /** Message {@code messageId} (of another conversation) is listed in conversation {@code conversationId} too. */
    record SharedMessage(String messageId, String conversationId) implements Fault {
        public SharedMessage {
            Objects.requireNonNull(messageId, "messageId");
            Objects.requireNonNull(conversationId, "conversationId");
        }
    }

    /**
     * HTTP 429 with {@code Retry-After} (seconds, or an HTTP date) and a body that is not Graph's, as a proxy
     * or load balancer in front of Graph answers.
     */
    record TooManyRequests(String retryAfter) implements Fault {
        public TooManyRequests {
            Objects.requireNonNull(retryAfter, "retryAfter");
        }
    }
}
