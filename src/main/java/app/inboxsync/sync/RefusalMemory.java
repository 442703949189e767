package app.inboxsync.sync;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What Facebook refused to serve (a field, a folder), remembered across runs so that a sync does not pay the
 * refused call again. The Graph adapter records and recalls; the store keeps them. Thread safe.
 */
public interface RefusalMemory {

    /** Remembers nothing (tests, tools): every run finds the refusals again. */
    RefusalMemory NONE = new RefusalMemory() {
        @Override
        public List<Refusal> recall(String graphVersion, Instant since) {
            return List.of();
        }

        @Override
        public void remember(Refusal refusal) {
        }
    };

    /** The refusals of this Graph version recorded at or after {@code since} (older ones are tried again). */
    List<Refusal> recall(String graphVersion, Instant since);

    /** Records a refusal, or renews its time when it is already known. */
    void remember(Refusal refusal);

    /**
     * One thing a Graph version would not serve.
     *
     * @param edge   where it was asked for: {@code conversations}, {@code messages}, {@code me}, {@code accounts},
     *               or {@code folder} for a {@code folder=} value
     * @param name   the field name, or the folder's wire name
     * @param pageId the Page it applies to, or empty when it applies to every Page (fields)
     */
    record Refusal(String graphVersion, String edge, String name, String pageId, Instant at) {
        public Refusal {
            Objects.requireNonNull(graphVersion, "graphVersion");
            Objects.requireNonNull(edge, "edge");
            Objects.requireNonNull(name, "name");
            pageId = pageId == null ? "" : pageId;
            Objects.requireNonNull(at, "at");
        }
    }
}
