package app.inboxsync.ui.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.SyncMode;
import app.inboxsync.read.PageSummary;
import app.inboxsync.read.TokenStatus;
import app.inboxsync.sync.BatchWrite;
import app.inboxsync.sync.RunOutcome.RunStatus;
import app.inboxsync.sync.SyncEvent;
import app.inboxsync.ui.pages.PageStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The window's words for both phases of a sync, and for histories pending or withheld once it is done. */
class HistoryProgressTest {

    @Test
    void theHistoryPhaseCountsItsPagesDownWithADeterminateBar() {
        SyncBoard board = new SyncBoard();
        board.on(new SyncEvent.Started("p1", "Bakery", SyncMode.FULL, 1, 0));
        board.on(new SyncEvent.Progress("p1", 1000, new BatchWrite(1000, 0, 0, 20_000, 0), 10));
        PageProgress listing = board.snapshot().get("p1");
        assertEquals(-1, listing.fraction(), "nothing stored before: the list's total is unknown");
        board.on(new SyncEvent.History("p1", 100, 0, 94, 10));
        board.on(new SyncEvent.History("p1", 99, 47, 47, 57));
        PageProgress history = board.snapshot().get("p1");
        assertTrue(history.inHistory());
        assertEquals(0.5, history.fraction(), 1e-9);
        String line = PageStatus.of(summary(0, 0), history, Instant.now()).line();
        assertEquals("Syncing… 1,000 conversations · older messages: 47 pages to go", line);
    }

    @Test
    void theSidebarAndTheCardSayWhatIsPendingAndWithheldAndNeverCoverNothing() {
        PageSummary some = summary(3, 37);
        assertTrue(PageStatus.of(some, null, Instant.now()).line()
                .endsWith("1,000 conversations · older messages of 3 pending · 37 withheld by Facebook"));
        assertTrue(SummaryText.copy(some).startsWith("Stored: 1,000 conversations · 20,000 messages · coverage 99.9%"),
                SummaryText.copy(some));
        PageSummary none = new PageSummary("p1", "Bakery", null, null, List.of(Folder.values()), TokenStatus.VALID, null, 0, 0, 0,
                null, null, null, 0, 0, 0, 0);
        assertTrue(SummaryText.copy(none).contains("coverage –"), SummaryText.copy(none));
    }

    private static PageSummary summary(long pending, long withheld) {
        return new PageSummary("p1", "Bakery", null, Instant.now(), List.of(Folder.values()), TokenStatus.VALID, null, 1000,
                20_000, 20_000, RunStatus.SUCCEEDED, Instant.now(), null, 0, 0, pending, withheld);
    }
}
