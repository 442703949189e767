package app.inboxsync.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.inboxsync.store.server.Database;
import org.junit.jupiter.api.Test;

/** The default number of Pages at once follows the heap Java was given, within the bounds the CLI accepts. */
class ParallelismTest {
    private static final long MB = 1L << 20;

    @Test
    void thePackagedLaunchersHeapGivesTheMostASmallerHeapFewerNeverBelowTheFloor() {
        assertEquals(Parallelism.MOST, Parallelism.defaultFor(512 * MB)); // packaging/jpackage.sh: -Xmx512m
        assertEquals(16, Parallelism.defaultFor(256 * MB));
        assertEquals(Parallelism.FEWEST_DEFAULT, Parallelism.defaultFor(64 * MB));
        assertEquals(Parallelism.MOST, Parallelism.defaultFor(16_384 * MB));
    }

    @Test
    void thePoolHoldsALockAndAWriterPerPageAndSomeToSpare() {
        assertEquals(2 * Parallelism.MOST + 4, Database.poolSizeFor(Parallelism.MOST));
        assertEquals(2 * 8 + 4, Database.poolSizeFor(8));
    }
}
