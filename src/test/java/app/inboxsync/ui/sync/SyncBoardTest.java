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
    void fastBatchesAreCoalescedToTheNewestAtMostOncePerSecond() {
        board.on(new SyncEvent.Started("p1", "Bakery", SyncMode.FULL, 1, 0));
        batch("p1", 1, 25);
        List<Toast> first = board.dueToasts(T0);
        assertEquals(List.of("Batch 1 complete — synced 25 conversations so far…"), texts(first));
        assertEquals("Bakery", first.get(0).title());

        batch("p1", 2, 50);
        batch("p1", 3, 75);
        assertTrue(board.dueToasts(T0.plusMillis(600)).isEmpty(), "the next toast is not due yet");
        // a second after the last toast: only the newest batch
        assertEquals(List.of("Batch 3 complete — synced 75 conversations so far…"), texts(board.dueToasts(T0.plus(SyncBoard.TOAST_SPACING))));
        assertTrue(board.dueToasts(T0.plusSeconds(5)).isEmpty(), "nothing is said twice");
    }

    @Test
    void aBatchThatChangedNothingSaysNothing() {
        board.on(new SyncEvent.Started("p1", "Bakery", SyncMode.INCREMENTAL, 1, 0));
        // 25 conversations seen, none inserted or updated: the copy was already right
        board.on(new SyncEvent.Progress("p1", 25, new BatchWrite(0, 0, 25, 0, 0), 1));
        board.on(new SyncEvent.BatchCompleted("p1", 1, 25, 25));
        assertTrue(board.dueToasts(T0).isEmpty());
        board.on(new SyncEvent.Progress("p1", 50, new BatchWrite(0, 1, 49, 2, 0), 2));
        board.on(new SyncEvent.BatchCompleted("p1", 2, 25, 50));
        assertEquals(List.of("Batch 2 complete — synced 50 conversations so far…"), texts(board.dueToasts(T0.plusSeconds(2))));
        board.on(new SyncEvent.Progress("p1", 75, new BatchWrite(0, 1, 74, 2, 0), 3));
        board.on(new SyncEvent.BatchCompleted("p1", 3, 25, 75));
        assertTrue(board.dueToasts(T0.plusSeconds(4)).isEmpty(), "batch 3 changed nothing more");
        board.on(new SyncEvent.Completed("p1", SyncMode.INCREMENTAL, BatchWrite.NONE, 3, 75, 0, Duration.ofSeconds(1), T0));
        assertEquals(List.of("Sync complete — nothing changed since the last sync."), texts(board.dueToasts(T0.plusSeconds(5))));
    }

    @Test
    void aRoundOfSeveralPagesIsSaidOnceWhenItsLastPageEnds() {
        for (int i = 1; i <= 40; i++) {
            board.queued("p" + i, "Page " + i);
        }
        for (int i = 1; i <= 40; i++) {
            String page = "p" + i;
            board.on(new SyncEvent.Started(page, "Page " + i, SyncMode.FULL, i, 0));
            batch(page, 1, 25);
            board.on(new SyncEvent.Waiting(page, Duration.ofSeconds(30), "Page rate limit reached"));
        }
        assertTrue(board.dueToasts(T0).isEmpty(), "no batch or wait toast per Page while 40 sync");
        for (int i = 1; i <= 37; i++) {
            board.on(new SyncEvent.Completed("p" + i, SyncMode.FULL, new BatchWrite(10, 2, 0, 0, 0), 4, 12, 0,
                    Duration.ofSeconds(3), T0));
        }
        // a sync that stops after a batch reports what it wrote, as sync_runs records it (SyncService's tally)
        BatchWrite oneBatch = new BatchWrite(25, 0, 0, 75, 0);
        board.on(new SyncEvent.Failed("p38", SyncResult.Status.FAILED, "Facebook refused the token.", oneBatch, 2, 25));
        board.on(new SyncEvent.Failed("p39", SyncResult.Status.FAILED, "Facebook refused the token.", oneBatch, 2, 25));
        assertTrue(board.dueToasts(T0.plusSeconds(1)).isEmpty(), "one Page is still syncing");
        board.on(new SyncEvent.Failed("p40", SyncResult.Status.CANCELLED, "Cancelled; what was synced is kept.", oneBatch,
                2, 25));
        List<Toast> due = board.dueToasts(T0.plusSeconds(2));
        assertEquals(1, due.size(), due.toString());
        assertEquals("37 Pages synced · 2 failed · 1 cancelled", due.get(0).title());
        // what the failed and the cancelled Pages wrote before they stopped is kept, and counted
        assertEquals("445 new conversations, 74 updated. Failed: Page 38, Page 39 (the Syncs table says why).",
                due.get(0).text());
        assertEquals(Toast.Kind.ERROR, due.get(0).kind());

        // the next sync of one Page alone speaks for itself again
        board.on(new SyncEvent.Started("p1", "Page 1", SyncMode.INCREMENTAL, 41, 0));
        board.on(new SyncEvent.Completed("p1", SyncMode.INCREMENTAL, new BatchWrite(1, 0, 0, 0, 0), 1, 1, 0,
                Duration.ofSeconds(1), T0));
        assertEquals("Page 1", board.dueToasts(T0.plusSeconds(3)).get(0).title());
    }

    @Test
    void noticesDuringARoundAreFoldedIntoItsOneToast() {
        for (int i = 1; i <= 3; i++) {
            board.queued("p" + i, "Page " + i);
            board.on(new SyncEvent.Started("p" + i, "Page " + i, SyncMode.FULL, 10, 0));
        }
        board.on(new SyncEvent.Notice("p2", "Facebook keeps the older messages of 3 conversations out of reach."));
        board.on(new SyncEvent.Notice("p3", "2 messages had no readable time"));
        assertTrue(board.dueToasts(T0).isEmpty(), "no toast per notice while the round runs");
        for (int i = 1; i <= 3; i++) {
            board.on(new SyncEvent.Completed("p" + i, SyncMode.FULL, new BatchWrite(10, 1, 0, 0, 0), 4, 10, 0,
                    Duration.ofSeconds(3), T0));
        }
        List<Toast> due = board.dueToasts(T0.plusSeconds(1));
        assertEquals(1, due.size(), due.toString());
        assertEquals("3 Pages synced", due.get(0).title());
        assertEquals("30 new conversations, 3 updated. 2 notices: Page 2: Facebook keeps the older messages of 3 "
                + "conversations out of reach. (and 1 more)", due.get(0).text());
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
