package app.inboxsync.graph;

import app.inboxsync.sync.RefusalMemory;
import app.inboxsync.sync.RefusalMemory.Refusal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the configured Graph version refused, for this run and (through {@link RefusalMemory}) the next ones, so
 * a refused field is asked for once, not on every call. A refusal is tried again a day later: Facebook may
 * serve the field again, or the app may have been granted access. A new Graph version starts with none: the
 * memory is per version. Thread safe: Pages sync in parallel.
 */
final class KnownRefusals {
    static final String FOLDER = "folder";
    static final Duration RETRY_AFTER = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(KnownRefusals.class);

    private record Key(String edge, String name, String pageId) {
    }

    private final RefusalMemory memory;
    private final String version;
    private final Clock clock;
    private final Map<Key, Instant> known = new ConcurrentHashMap<>();
    private volatile boolean recalled;

    KnownRefusals(RefusalMemory memory, String version, Clock clock) {
        this.memory = memory;
        this.version = version;
        this.clock = clock;
    }

    String version() {
        return version;
    }

    boolean field(GraphFields.Edge edge, String name) {
        return has(new Key(edge.key, name, ""));
    }

    boolean folder(String pageId, String folder) {
        return has(new Key(FOLDER, folder, pageId));
    }

    /** Records a refused field; true when it is news (the caller then says so, once). */
    boolean refuseField(GraphFields.Edge edge, String name) {
        return add(new Key(edge.key, name, ""));
    }

    boolean refuseFolder(String pageId, String folder) {
        return add(new Key(FOLDER, folder, pageId));
    }

    private boolean has(Key key) {
        recallOnce();
        Instant at = known.get(key);
        if (at == null) {
            return false;
        }
        if (at.isBefore(clock.instant().minus(RETRY_AFTER))) {
            known.remove(key, at); // a day has passed: ask for it again
            return false;
        }
        return true;
    }

    private boolean add(Key key) {
        recallOnce();
        Instant now = clock.instant();
        // One atomic put: two Pages that meet the same refusal at once must not both say it.
        Instant before = known.put(key, now);
        boolean news = before == null || before.isBefore(now.minus(RETRY_AFTER));
        if (news) {
            LOG.info("Graph {} refuses {} {}{}: left out from now on", version, key.edge, key.name,
                    key.pageId.isEmpty() ? "" : " of Page " + key.pageId);
            try {
                memory.remember(new Refusal(version, key.edge, key.name, key.pageId, now));
            } catch (RuntimeException e) {
                // Not being able to remember costs one refused call on the next run, nothing else.
                LOG.warn("Could not record that Graph {} refuses {} {}: {}", version, key.edge, key.name, e.getMessage());
            }
        }
        return news;
    }

    private void recallOnce() {
        if (recalled) {
            return;
        }
        synchronized (this) {
            if (recalled) {
                return;
            }
            try {
                for (Refusal r : memory.recall(version, clock.instant().minus(RETRY_AFTER))) {
                    known.merge(new Key(r.edge(), r.name(), r.pageId()), r.at(), (a, b) -> a.isAfter(b) ? a : b);
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not read which fields Graph {} refused before: {}", version, e.getMessage());
            }
            recalled = true;
        }
    }
}
