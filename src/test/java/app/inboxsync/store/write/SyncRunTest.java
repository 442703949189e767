package app.inboxsync.store.write;

import static app.inboxsync.store.Fixtures.T0;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.SyncMode;
import app.inboxsync.read.PageSummary;
import app.inboxsync.read.SyncRunRow;
import app.inboxsync.read.TokenStatus;
import app.inboxsync.store.Fixtures;
import app.inboxsync.store.TestDatabase;
import app.inboxsync.store.read.PageRepository;
import app.inboxsync.store.read.SyncRunQueries;
import app.inboxsync.store.server.Database;
import app.inboxsync.sync.BatchWrite;
import app.inboxsync.sync.RunOutcome.RunStatus;
import app.inboxsync.sync.RunOutcome;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyncRunTest {
    private static Database db;
    private static PostgresInboxStore store;
    private static SyncRunQueries runs;

    @BeforeAll
    static void open() {
        db = TestDatabase.fresh();
        store = new PostgresInboxStore(db);
        runs = new SyncRunQueries(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void watermarkMovesOnlyWithASucceededOutcome() {
        String page = "p-wm";
        Fixtures.addPage(db, page);
        long failed = store.startRun(page, SyncMode.FULL);
        store.finishRun(failed, page, new RunOutcome(RunStatus.FAILED, BatchWrite.NONE, 3, null, "Network down"));
        assertNull(store.pageState(page).orElseThrow().watermark());

        long ok = store.startRun(page, SyncMode.FULL);
        BatchWrite counts = new BatchWrite(5, 2, 1, 40, 0);
        store.finishRun(ok, page, new RunOutcome(RunStatus.SUCCEEDED, counts, 7, T0, null));
        assertEquals(T0, store.pageState(page).orElseThrow().watermark());

        long cancelled = store.startRun(page, SyncMode.INCREMENTAL);
        store.finishRun(cancelled, page, new RunOutcome(RunStatus.CANCELLED, BatchWrite.NONE, 1, null, "Cancelled"));
        assertEquals(T0, store.pageState(page).orElseThrow().watermark());

        List<SyncRunRow> history = runs.recent(page, 10);
        assertEquals(List.of(RunStatus.CANCELLED, RunStatus.SUCCEEDED, RunStatus.FAILED),
                history.stream().map(SyncRunRow::status).toList());
        SyncRunRow succeeded = history.get(1);
        assertEquals(SyncMode.FULL, succeeded.mode());
        assertEquals(5, succeeded.conversationsInserted());
        assertEquals(2, succeeded.conversationsUpdated());
        assertEquals(1, succeeded.conversationsUnchanged());
        assertEquals(40, succeeded.messagesInserted());
        assertEquals(7, succeeded.apiCalls());
        assertEquals(T0, succeeded.newWatermark());
        assertEquals("Network down", history.get(2).error());
        assertEquals(3, runs.recent(null, 10).size());
    }

    @Test
    void aFullSyncRequestedDuringARunIsNotUndoneByIt() {
        String page = "p-reset";
        Fixtures.addPage(db, page);
        long first = store.startRun(page, SyncMode.FULL);
        store.finishRun(first, page, new RunOutcome(RunStatus.SUCCEEDED, BatchWrite.NONE, 1, T0, null));

        long running = store.startRun(page, SyncMode.INCREMENTAL);
        sleepAMoment(); // now() is per transaction: make the request visibly later than the run's start
        new PageRepository(db).requestFullSync(page);
        store.finishRun(running, page, new RunOutcome(RunStatus.SUCCEEDED, BatchWrite.NONE, 1,
                T0.plusSeconds(60), null));
        assertNull(store.pageState(page).orElseThrow().watermark(), "the reset wins");

        long full = store.startRun(page, SyncMode.FULL);
        store.finishRun(full, page, new RunOutcome(RunStatus.SUCCEEDED, BatchWrite.NONE, 1, T0.plusSeconds(120), null));
        assertEquals(T0.plusSeconds(120), store.pageState(page).orElseThrow().watermark());
    }

    @Test
    void invalidTokenIsRecordedAndSavingThePageAgainClearsIt() {
        String page = "p-token";
        Fixtures.addPage(db, page);
        store.markTokenInvalid(page, "The session was invalidated because the user changed their password.");
        PageSummary summary = new PageRepository(db).findPage(page).orElseThrow();
        assertEquals(TokenStatus.INVALID, summary.tokenStatus());
        assertEquals("The session was invalidated because the user changed their password.", summary.tokenError());
        Fixtures.addPage(db, page);
        assertEquals(TokenStatus.VALID, new PageRepository(db).findPage(page).orElseThrow().tokenStatus());
    }

    @Test
    void onlyASucceededRunProvesTheTokenWorksAgainAndCountsAsTheLastCompletedSync() {
        String page = "p-proven";
        Fixtures.addPage(db, page);
        assertTrue(store.lastCompletedSync(page).isEmpty(), "never synced");
        store.markTokenInvalid(page, "Error validating access token");
        long failed = store.startRun(page, SyncMode.INCREMENTAL);
        store.finishRun(failed, page, new RunOutcome(RunStatus.FAILED, BatchWrite.NONE, 1, null, "Token invalid"));
        assertEquals(TokenStatus.INVALID, new PageRepository(db).findPage(page).orElseThrow().tokenStatus());
        assertTrue(store.lastCompletedSync(page).isEmpty(), "a failed run completed nothing");

        long ok = store.startRun(page, SyncMode.INCREMENTAL);
        store.finishRun(ok, page, new RunOutcome(RunStatus.SUCCEEDED, BatchWrite.NONE, 1, T0, null));
        PageSummary proven = new PageRepository(db).findPage(page).orElseThrow();
        assertEquals(TokenStatus.VALID, proven.tokenStatus());
        assertNull(proven.tokenError());
        assertEquals(runs.recent(page, 1).get(0).finishedAt(), store.lastCompletedSync(page).orElseThrow());
    }

    @Test
    void theDatabaseClockIsTheTimeOfTheCall() {
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Instant now = store.databaseNow();
        Instant after = Instant.now().plusMillis(1);
        assertTrue(!now.isBefore(before) && !now.isAfter(after),
                before + " ≤ " + now + " ≤ " + after + " (the embedded database runs on this machine's clock)");
    }

    private static void sleepAMoment() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
