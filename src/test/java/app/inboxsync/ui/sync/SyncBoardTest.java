package app.inboxsync.ui.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.SyncMode;
import app.inboxsync.sync.BatchWrite;
import app.inboxsync.sync.SyncEvent;
import app.inboxsync.sync.SyncResult;
import app.inboxsync.ui.common.Toast;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyncBoardTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private final SyncBoard board = new SyncBoard();

    private void batch(String page, int n, int seen) {
        board.on(new SyncEvent.Progress(page, seen, new BatchWrite(seen, 0, 0, seen * 3, 0), n));
        board.on(new SyncEvent.BatchCompleted(page, n, 25, seen));
    }

    @Test
    void progressEventsBecomeTheLiveCountAndTheBarFraction() {
        board.queued("p1", "Bakery");
        assertEquals(PageProgress.Phase.QUEUED, board.snapshot().get("p1").phase());
        board.on(new SyncEvent.Started("p1", "Bakery", SyncMode.FULL, 1, 200));
        batch("p1", 1, 50);
        PageProgress p = board.snapshot().get("p1");
        assertEquals(PageProgress.Phase.SYNCING, p.phase());
        assertEquals(50, p.seen());
        assertEquals(50, p.inserted());
        assertEquals(0.25, p.fraction());
    }

    @Test
    void anIncrementalSyncHasNoKnownTotal() {
        board.on(new SyncEvent.Started("p1", "Bakery", SyncMode.INCREMENTAL, 1, 200));
        batch("p1", 1, 10);
        assertEquals(-1, board.snapshot().get("p1").fraction());
    }

    @Test
    void fastBatchesAreCoalescedToTheNewestAtMostOncePerSecondPerPage() {
        board.on(new SyncEvent.Started("p1", "Bakery", SyncMode.FULL, 1, 0));
        board.on(new SyncEvent.Started("p2", "Florist", SyncMode.FULL, 2, 0));
        batch("p1", 1, 25);
        List<Toast> first = board.dueToasts(T0);
        assertEquals(List.of("Batch 1 complete — synced 25 conversations so far…"), texts(first));

        batch("p1", 2, 50);
        batch("p1", 3, 75);
        batch("p2", 1, 25);
        // 0.5 s later: Bakery's batches wait (coalesced), Florist's first batch is due
        List<Toast> half = board.dueToasts(T0.plusMillis(500));
        assertEquals(List.of("Batch 1 complete — synced 25 conversations so far…"), texts(half));
        assertEquals("Florist", half.get(0).title());
        assertTrue(board.dueToasts(T0.plusMillis(600)).isEmpty(), "Bakery's next toast is not due yet");
        // a second after Bakery's last toast: only its newest batch
        assertEquals(List.of("Batch 3 complete — synced 75 conversations so far…"), texts(board.dueToasts(T0.plus(SyncBoard.TOAST_SPACING))));
        assertTrue(board.dueToasts(T0.plusSeconds(5)).isEmpty(), "nothing is said twice");
    }

    @Test
    void theEndOfASyncIsSaidAtOnceAndReplacesAPendingBatchToast() {
        board.on(new SyncEvent.Started("p1", "Bakery", SyncMode.FULL, 1, 0));
        batch("p1", 1, 25);
        board.dueToasts(T0);
        batch("p1", 2, 40);
        board.on(new SyncEvent.Completed("p1", SyncMode.FULL, new BatchWrite(15, 10, 15, 0, 0), 4, 40, 0,
                Duration.ofSeconds(3), T0));
        List<Toast> due = board.dueToasts(T0.plusMillis(100));
        assertEquals(List.of("Sync complete — Inserted 15 • Updated 10 • Total touched 25"), texts(due));
        assertEquals(Toast.Kind.SUCCESS, due.get(0).kind());
        assertEquals(PageProgress.Phase.SUCCEEDED, board.snapshot().get("p1").phase());
        assertEquals(1.0, board.snapshot().get("p1").fraction());
    }

    @Test
    void failuresAndCancelsSayWhatHappened() {
        board.on(new SyncEvent.Started("p1", "Bakery", SyncMode.FULL, 1, 0));
        board.on(new SyncEvent.Failed("p1", SyncResult.Status.FAILED, "Facebook refused the token. Reconnect the Page."));
        board.on(new SyncEvent.Failed("p2", SyncResult.Status.CANCELLED, "Cancelled; what was synced is kept."));
        List<Toast> due = board.dueToasts(T0);
        assertEquals(Toast.Kind.ERROR, due.get(0).kind());
        assertEquals("Facebook refused the token. Reconnect the Page.", due.get(0).text());
        assertEquals(Toast.Kind.INFO, due.get(1).kind());
        assertEquals(PageProgress.Phase.CANCELLED, board.snapshot().get("p2").phase());
    }

    @Test
    void aPageAnotherProcessIsSyncingIsSkippedNotFailed() {
        board.queued("p1", "Bakery");
        board.on(new SyncEvent.Failed("p1", SyncResult.Status.ALREADY_RUNNING, "Another sync of page Bakery is already running."));
        assertEquals(PageProgress.Phase.SKIPPED, board.snapshot().get("p1").phase());
        assertEquals(Toast.Kind.INFO, board.dueToasts(T0).get(0).kind());
    }

    @Test
    void onlyLongWaitsAreNews() {
        board.on(new SyncEvent.Started("p1", "Bakery", SyncMode.FULL, 1, 0));
        board.on(new SyncEvent.Waiting("p1", Duration.ofMillis(500), "pacing"));
        assertTrue(board.dueToasts(T0).isEmpty());
        assertEquals(PageProgress.Phase.WAITING, board.snapshot().get("p1").phase());
        board.on(new SyncEvent.Waiting("p1", Duration.ofSeconds(30), "Page rate limit reached"));
        assertEquals(List.of("Page rate limit reached — waiting 30 s; the sync goes on by itself."), texts(board.dueToasts(T0)));
    }

    @Test
    void everyChangeMovesTheVersion() {
        long before = board.version();
        board.on(new SyncEvent.Notice("p1", "2 messages had no readable time"));
        assertTrue(board.version() > before);
    }

    private static List<String> texts(List<Toast> toasts) {
        return toasts.stream().map(Toast::text).toList();
    }
}
