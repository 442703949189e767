package app.inboxsync.simulator;

import java.time.Duration;
import java.util.Objects;

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
