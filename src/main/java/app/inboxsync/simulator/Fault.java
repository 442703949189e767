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
}
