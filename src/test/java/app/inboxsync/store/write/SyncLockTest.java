package app.inboxsync.store.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.config.DatabaseSettings;
import app.inboxsync.store.TestDatabase;
import app.inboxsync.store.server.Database;
import app.inboxsync.sync.InboxStore.SyncLock;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SyncLockTest {
    private static Database db;
    private static Database otherProcess;

    @BeforeAll
    static void open() {
        db = TestDatabase.fresh();
        // A second pool on the same database stands in for another Inbox Sync process.
        String url = ((com.zaxxer.hikari.HikariDataSource) db.dataSource()).getJdbcUrl();
        otherProcess = Database.connect(new DatabaseSettings(url, "postgres", TestDatabase.server().settings().password()));
    }

    @AfterAll
    static void close() {
        otherProcess.close();
        db.close();
    }

    @Test
    void lockIsExclusiveAcrossStoresAndReleasedOnClose() {
        PostgresInboxStore mine = new PostgresInboxStore(db);
        PostgresInboxStore theirs = new PostgresInboxStore(otherProcess);
        Optional<SyncLock> lock = mine.tryLockPage("page-a");
        assertTrue(lock.isPresent());
        assertTrue(mine.tryLockPage("page-a").isEmpty(), "same store, second attempt");
        assertTrue(theirs.tryLockPage("page-a").isEmpty(), "other process");
        try (SyncLock other = theirs.tryLockPage("page-b").orElseThrow()) {
            // different pages do not block each other
        }
        lock.get().close();
        lock.get().close(); // closing twice is harmless
        try (SyncLock again = theirs.tryLockPage("page-a").orElseThrow()) {
            assertTrue(mine.tryLockPage("page-a").isEmpty());
        }
    }

    @Test
    void keysAreStableAndDistinct() {
        assertTrue(PageLock.keyOf("123") == PageLock.keyOf("123"));
        assertNotEquals(PageLock.keyOf("123"), PageLock.keyOf("124"));
        // Every version must take the same key, or two versions on one database would sync a Page at once:
        // the first 8 bytes of SHA-256("inbox-sync/page/123"), d3defe4abba441f5 (printf … | sha256sum).
        assertEquals(Long.parseUnsignedLong("d3defe4abba441f5", 16), PageLock.keyOf("123"));
    }

    @Test
    void oneCloseReleasesTheLockAndFailedAttemptsGiveTheirConnectionsBack() {
        PostgresInboxStore mine = new PostgresInboxStore(db);
        PostgresInboxStore theirs = new PostgresInboxStore(otherProcess);
        SyncLock lock = mine.tryLockPage("page-c").orElseThrow();
        for (int i = 0; i < 30; i++) { // more attempts than either pool has connections
            assertTrue(theirs.tryLockPage("page-c").isEmpty());
        }
        assertTrue(theirs.pageState("page-c").isEmpty(), "the other process can still reach the database");
        lock.close();
        try (SyncLock taken = theirs.tryLockPage("page-c").orElseThrow()) {
            assertTrue(mine.tryLockPage("page-c").isEmpty());
        }
        for (int i = 0; i < 30; i++) { // taken and released, again and again
            mine.tryLockPage("page-d").orElseThrow().close();
        }
    }
}
