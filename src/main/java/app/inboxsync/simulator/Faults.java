package app.inboxsync.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Faults to inject into coming Graph calls. Thread safe: tests arm faults while a sync runs.
 * Planned faults ({@link #failNext}) are used up in the order they were armed; random faults apply
 * to calls no planned fault took.
 */
public final class Faults {

    private final List<Planned> planned = new ArrayList<>();
    private final List<Random> random = new ArrayList<>();

    private static final class Planned {
        int remaining;
        final Fault fault;
        final Predicate<RequestInfo> when;

        Planned(int remaining, Fault fault, Predicate<RequestInfo> when) {
            this.remaining = remaining;
            this.fault = fault;
            this.when = when;
        }
    }

    private record Random(double probability, Fault fault, SplittableRandom dice) {
    }

    /** The next {@code count} calls fail with {@code fault}. */
    public void failNext(int count, Fault fault) {
        failNext(count, fault, request -> true);
    }

    /** The next {@code count} calls that {@code when} accepts fail with {@code fault}. */
    public synchronized void failNext(int count, Fault fault, Predicate<RequestInfo> when) {
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, was " + count);
        }
        planned.add(new Planned(count, requireFault(fault), when));
    }

    /** Every call fails with {@code fault} with this probability; {@code seed} makes the dice repeatable. */
    public synchronized void failRandomly(double probability, Fault fault, long seed) {
        if (!(probability >= 0 && probability <= 1)) {
            throw new IllegalArgumentException("probability must be 0..1, was " + probability);
        }
        random.add(new Random(probability, requireFault(fault), new SplittableRandom(seed)));
    }

    public synchronized void clear() {
        planned.clear();
        random.clear();
    }

    /** Picks (and uses up) the fault for this call, if any. */
    synchronized Optional<Fault> take(RequestInfo request, boolean isConversationListing) {
        for (var it = planned.iterator(); it.hasNext(); ) {
            Planned p = it.next();
            if (p.remaining <= 0) {
                it.remove();
                continue;
            }
            if (applies(p.fault, isConversationListing) && p.when.test(request)) {
                if (--p.remaining == 0) {
                    it.remove();
                }
                return Optional.of(p.fault);
            }
        }
        for (Random r : random) {
            if (applies(r.fault, isConversationListing) && r.dice.nextDouble() < r.probability) {
                return Optional.of(r.fault);
            }
        }
        return Optional.empty();
    }

    // A shuffled order only means something for a conversations listing; it must not be used up elsewhere.
    private static boolean applies(Fault fault, boolean isConversationListing) {
        return !(fault instanceof Fault.ShuffledOrder) || isConversationListing;
    }

    private static Fault requireFault(Fault fault) {
        if (fault == null) {
            throw new IllegalArgumentException("fault must not be null");
        }
        return fault;
    }
}
