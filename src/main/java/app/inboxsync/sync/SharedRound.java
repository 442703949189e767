package app.inboxsync.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * One round of a "sync all" that shares the Pages with other processes and machines on the same database. The
 * per-Page lock keeps two of them from syncing a Page at once; this keeps one from syncing a Page again that
 * another has just finished: a Page whose last sync completed after {@code freshSince} counts as done this round.
 * All instants are on the database's clock, so machines with skewed clocks agree; PostgreSQL is the coordinator.
 *
 * @param freshSince a Page completed after this needs no sync in this round
 */
public record SharedRound(Instant freshSince) {
    public SharedRound {
        Objects.requireNonNull(freshSince, "freshSince");
    }

    /**
     * A one-off round: Pages completed since this process was launched are done. The launch, not the moment the
     * round begins, because processes started together reach their first Page seconds apart (JVM start, schema
     * check): one late to start must not sync again what an early one finished meanwhile.
     *
     * @param launchedAgo how long ago this process was launched, by its own clock (a duration has no skew)
     */
    public static SharedRound sinceLaunch(Instant databaseNow, Duration launchedAgo) {
        return new SharedRound(databaseNow.minus(launchedAgo.isNegative() ? Duration.ZERO : launchedAgo));
    }

    /**
     * A round of {@code --watch}: Pages completed within the last nine tenths of the interval are done. Whoever
     * synced a Page, it becomes due again about one interval later, so each machine's rounds pick up what has
     * become due and no Page is synced twice within an interval. The tenth of slack lets a Page that is due a
     * moment after this round begins be synced now rather than a whole interval late; a process's own Pages are
     * always due again in its next round, since it sleeps a full interval between rounds.
     */
    public static SharedRound everyInterval(Instant databaseNow, Duration interval) {
        return new SharedRound(databaseNow.minus(interval.minus(interval.dividedBy(10))));
    }

    /** Whether a Page whose last sync completed at {@code completed} (empty: never) is done for this round. */
    public boolean done(Optional<Instant> completed) {
        return completed.isPresent() && completed.get().isAfter(freshSince);
    }

    /**
     * The requests stalest first: never synced first of all, then the oldest completed sync first; ties by Page
     * id, so processes started together walk the same order and split it at the locks rather than at random.
     */
    public static List<SyncRequest> stalestFirst(List<SyncRequest> requests,
                                                 Function<String, Optional<Instant>> lastCompleted) {
        record Aged(SyncRequest request, Instant completed) {
        }
        return requests.stream()
                .map(r -> new Aged(r, lastCompleted.apply(r.pageId()).orElse(null)))
                .sorted(Comparator.comparing(Aged::completed, Comparator.nullsFirst(Comparator.naturalOrder()))
                        .thenComparing(a -> a.request().pageId()))
                .map(Aged::request)
                .toList();
    }
}
