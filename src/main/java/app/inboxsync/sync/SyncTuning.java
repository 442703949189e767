package app.inboxsync.sync;

import java.time.Duration;

/**
 * Knobs of the sync algorithm.
 *
 * @param overlap               an incremental pass walks until updated_time &lt; watermark − overlap, for clock
 *                              skew and late writes (the upserts make re-reading harmless)
 * @param firstIncrementalLimit the first Graph page of an incremental pass is small, because usually little
 *                              changed; later pages double up to {@link GraphGateway#MAX_LIMIT}
 */
public record SyncTuning(Duration overlap, int firstIncrementalLimit, int nestedMessages) {
    public static final SyncTuning DEFAULT = new SyncTuning(Duration.ofMinutes(5), 25, GraphGateway.MAX_LIMIT);

    public SyncTuning {
        if (overlap.isNegative()) {
            throw new IllegalArgumentException("overlap must not be negative");
        }
        if (firstIncrementalLimit < 1 || firstIncrementalLimit > GraphGateway.MAX_LIMIT) {
            throw new IllegalArgumentException("firstIncrementalLimit must be 1.." + GraphGateway.MAX_LIMIT);
        }
        if (nestedMessages < 1 || nestedMessages > GraphGateway.MAX_LIMIT) {
            throw new IllegalArgumentException("nestedMessages must be 1.." + GraphGateway.MAX_LIMIT);
        }
    }
}
