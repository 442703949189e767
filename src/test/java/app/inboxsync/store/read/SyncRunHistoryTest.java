package app.inboxsync.store.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.inboxsync.domain.SyncMode;
import app.inboxsync.read.SyncRunRow;
import app.inboxsync.store.Fixtures;
import app.inboxsync.store.TestDatabase;
import app.inboxsync.store.server.Database;
import app.inboxsync.store.write.PostgresInboxStore;
import app.inboxsync.sync.BatchWrite;
import app.inboxsync.sync.RunOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the History tab lists: runs newest first, of one Page or of all, at most as many as asked for. */
class SyncRunHistoryTest {
    @Test
    void listsRunsNewestFirstForOnePageOrAll() {
        try (Database db = TestDatabase.fresh()) {
            PostgresInboxStore store = new PostgresInboxStore(db);
            Fixtures.addPage(db, "p-a");
            Fixtures.addPage(db, "p-b");
            long a1 = run(store, "p-a", new BatchWrite(5, 0, 0, 50, 0));
            long b1 = run(store, "p-b", new BatchWrite(3, 0, 0, 9, 0));
            long a2 = run(store, "p-a", new BatchWrite(0, 2, 3, 4, 0));
            SyncRunQueries runs = new SyncRunQueries(db);

            assertEquals(List.of(a2, b1, a1), ids(runs.recent(null, 10)));
            assertEquals(List.of(a2, b1), ids(runs.recent(null, 2)));
            assertEquals(List.of(a2, a1), ids(runs.recent("p-a", 10)));
            SyncRunRow newest = runs.recent("p-a", 1).get(0);
            assertEquals(List.of(0, 2, 3, 4, 6), List.of(newest.conversationsInserted(), newest.conversationsUpdated(),
                    newest.conversationsUnchanged(), newest.messagesInserted(), newest.apiCalls()));
        }
    }

    private static long run(PostgresInboxStore store, String page, BatchWrite counts) {
        long id = store.startRun(page, SyncMode.FULL);
        store.finishRun(id, page, new RunOutcome(RunOutcome.RunStatus.SUCCEEDED, counts, 6, Fixtures.T0, null));
        return id;
    }

    private static List<Long> ids(List<SyncRunRow> rows) {
        return rows.stream().map(SyncRunRow::id).toList();
    }
}
