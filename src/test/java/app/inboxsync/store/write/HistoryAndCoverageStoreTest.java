package app.inboxsync.store.write;

import static app.inboxsync.store.Fixtures.T0;
import static app.inboxsync.store.Fixtures.conversation;
import static app.inboxsync.store.Fixtures.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Folder;
import app.inboxsync.store.Fixtures;
import app.inboxsync.store.TestDatabase;
import app.inboxsync.store.server.Database;
import app.inboxsync.sync.BatchWrite;
import app.inboxsync.sync.Coverage;
import app.inboxsync.sync.HistoryMark;
import app.inboxsync.sync.HistoryState;
import app.inboxsync.sync.InboxStore.PendingHistory;
import app.inboxsync.sync.StoredHistory;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store's write path for what the history phase and the watermark rely on, on the embedded PostgreSQL:
 * history states written with their batch and read back, the counts of the copy, odd times, folders behind, and
 * a batch that mixes Pages.
 */
class HistoryAndCoverageStoreTest {
    private static Database db;
    private static PostgresInboxStore store;

    @BeforeAll
    static void open() {
        db = TestDatabase.fresh();
        store = new PostgresInboxStore(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static HistoryMark mark(String conversationId, HistoryState state, String reason, int code) {
        return new HistoryMark(conversationId, state, reason, code);
    }

    @Test
    void historyStatesAreWrittenWithTheirBatchAndReadBackWithTheNewestMessage() {
        String page = "p-history";
        Fixtures.addPage(db, page);
        store.writeBatch(page, List.of(conversation(page, "t_a", "a", 10, "a"), conversation(page, "t_b", "b", 30, "b"),
                        conversation(page, "t_c", "c", 20, "c")),
                List.of(message(page, "t_a", "m_a1", 3, "x"), message(page, "t_a", "m_a2", 9, "y")), List.of());
        assertEquals(List.of(new PendingHistory("t_b", 2), new PendingHistory("t_c", 2), new PendingHistory("t_a", 2)),
                store.pendingHistories(page), "new threads are pending, newest first");

        // the last mark of a conversation in one batch wins; the reason loses its U+0000; code 0 is no code
        store.writeBatch(page, List.of(), List.of(), List.of(
                mark("t_a", HistoryState.PENDING, null, 0), mark("t_a", HistoryState.COMPLETE, null, 0),
                mark("t_b", HistoryState.WITHHELD, "Face\u0000book said no", 10),
                mark("t_c", HistoryState.WITHHELD, "without details", 0)));

        Map<String, StoredHistory> stored = store.storedHistories(page, List.of("t_a", "t_b", "t_c", "t_none"));
        assertEquals(Map.of(
                "t_a", new StoredHistory(HistoryState.COMPLETE, T0.plusSeconds(9 * 60), null, 0),
                "t_b", new StoredHistory(HistoryState.WITHHELD, null, "Facebook said no", 10),
                "t_c", new StoredHistory(HistoryState.WITHHELD, null, "without details", 0)), stored);
        assertEquals(List.of(), store.pendingHistories(page));
        assertEquals(new Coverage(3, 2, 0, 2), store.coverage(page));

        // pending again (a gap to fill): the refusal's words and code stay for when Facebook refuses again
        store.writeBatch(page, List.of(), List.of(), List.of(mark("t_b", HistoryState.PENDING, "ignored", 4)));
        assertEquals(new StoredHistory(HistoryState.PENDING, null, "Facebook said no", 10),
                store.storedHistories(page, List.of("t_b")).get("t_b"));
        assertEquals(List.of(new PendingHistory("t_b", 2)), store.pendingHistories(page));
        assertEquals(new Coverage(3, 2, 1, 1), store.coverage(page));
        assertEquals(Map.of(), store.storedHistories(page, List.of()));
    }

    @Test
    void theCopysCountsAreThisPagesOnly() {
        String page = "p-count-1";
        String other = "p-count-2";
        Fixtures.addPage(db, page);
        Fixtures.addPage(db, other);
        store.writeBatch(other, List.of(conversation(other, "t_o", "o", 1, "o")),
                List.of(message(other, "t_o", "m_o", 1, "o")));
        assertEquals(Coverage.NONE, store.coverage(page));
        assertEquals(new Coverage(1, 1, 1, 0), store.coverage(other));
    }

    @Test
    void aBatchHoldingAnotherPagesRowIsRefusedWholeAndWritesNothing() {
        String page = "p-mine";
        Fixtures.addPage(db, page);
        Conversation mine = conversation(page, "t_mine", "m", 1, "mine");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> store.writeBatch(page,
                List.of(mine, conversation("p-theirs", "t_theirs", "t", 1, "theirs")), List.of()));
        assertEquals("t_theirs belongs to page p-theirs, not p-mine", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> store.writeBatch(page, List.of(mine),
                List.of(message("p-theirs", "t_mine", "m_theirs", 1, "theirs"))));
        assertEquals("m_theirs belongs to page p-theirs, not p-mine", e.getMessage());
        assertEquals(Coverage.NONE, store.coverage(page));
        assertEquals(BatchWrite.NONE, store.writeBatch(page, List.of(), List.of(), List.of()));
    }

    @Test
    void oddTimesAreFlaggedAboveTheCeilingAndClearedWhenTheyAreNoLongerOdd() {
        String page = "p-odd";
        Fixtures.addPage(db, page);
        store.writeBatch(page, List.of(conversation(page, "t_1", "a", 10, "a"), conversation(page, "t_2", "b", 20, "b"),
                conversation(page, "t_3", "c", 30, "c")), List.of());
        assertEquals(2, store.flagOddTimes(page, T0.plusSeconds(10 * 60)), "after the ceiling; at it is not odd");
        assertEquals(1, store.flagOddTimes(page, T0.plusSeconds(20 * 60)), "t_2 is no longer odd");
        assertEquals(0, store.flagOddTimes(page, T0.plusSeconds(30 * 60)));
    }

    @Test
    void theFoldersAPageIsBehindInAreKeptUntilChanged() {
        String page = "p-behind";
        Fixtures.addPage(db, page);
        assertEquals(Set.of(), store.foldersBehind(page));
        store.setFoldersBehind(page, Set.of(Folder.SPAM, Folder.INBOX));
        assertEquals(Set.of(Folder.SPAM, Folder.INBOX), store.foldersBehind(page));
        store.setFoldersBehind(page, Set.of());
        assertEquals(Set.of(), store.foldersBehind(page));
        assertEquals(Set.of(), store.foldersBehind("p-nowhere"), "an unknown Page is behind in nothing");
        assertTrue(store.lastCompletedSync(page).isEmpty());
    }
}
