package app.inboxsync.store.read;

import static app.inboxsync.store.Fixtures.T0;
import static app.inboxsync.store.Fixtures.conversation;
import static app.inboxsync.store.Fixtures.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.domain.SyncMode;
import app.inboxsync.read.PageSummary;
import app.inboxsync.store.TestDatabase;
import app.inboxsync.store.server.Database;
import app.inboxsync.store.write.PostgresInboxStore;
import app.inboxsync.sync.BatchWrite;
import app.inboxsync.sync.RunOutcome;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PageRepositoryTest {
    private static Database db;
    private static PageRepository pages;
    private static PostgresInboxStore store;

    @BeforeAll
    static void open() {
        db = TestDatabase.fresh();
        pages = new PageRepository(db);
        store = new PostgresInboxStore(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void listingShowsCountsCoverageLastRunAndFolders() {
        pages.savePage(new PageProfile("p1", "Bakery", "Food"));
        pages.savePage(new PageProfile("p2", "Auto shop", "Cars"));
        pages.savePage(new PageProfile("p2", "Auto Shop", "Cars")); // a rename updates, never duplicates
        // message_count is 2 per fixture conversation: 2 conversations report 4 messages, 3 are stored
        store.writeBatch("p1", List.of(conversation("p1", "t_1", "s1", 1, "a"), conversation("p1", "t_2", "s2", 2, "b")),
                List.of(message("p1", "t_1", "m_1", 1, "a"), message("p1", "t_1", "m_2", 1, "a2"),
                        message("p1", "t_2", "m_3", 2, "b")));
        store.markMissing("p1", List.of("t_1"), T0);
        long run = store.startRun("p1", SyncMode.FULL);
        store.finishRun(run, "p1", new RunOutcome(RunOutcome.RunStatus.FAILED, BatchWrite.NONE, 1, null, "Boom"));
        pages.setFolders("p1", List.of(Folder.INBOX, Folder.SPAM));

        List<PageSummary> list = pages.listPages();
        assertEquals(List.of("Auto Shop", "Bakery"), list.stream().map(PageSummary::name).toList());
        PageSummary p1 = pages.findPage("p1").orElseThrow();
        assertEquals(2, p1.conversations());
        assertEquals(3, p1.messages());
        assertEquals(4, p1.reportedMessages());
        assertEquals(0.75, p1.coverage(), 1e-9);
        assertEquals(1, p1.missingConversations());
        assertEquals(RunOutcome.RunStatus.FAILED, p1.lastRunStatus());
        assertEquals("Boom", p1.lastRunError());
        assertEquals(List.of(Folder.INBOX, Folder.SPAM), p1.folders());
        PageSummary p2 = pages.findPage("p2").orElseThrow();
        assertTrue(Double.isNaN(p2.coverage()), "nothing stored has no coverage (it said 100 % before)");
        assertEquals("–", p2.coverageText());
        assertNull(p2.lastRunStatus());
        assertEquals(Folder.ALL, p2.folders());
        assertTrue(pages.findPage("nope").isEmpty());
    }

    @Test
    void requestFullSyncClearsTheWatermark() {
        pages.savePage(new PageProfile("p-r", "Reset me", null));
        long run = store.startRun("p-r", SyncMode.FULL);
        store.finishRun(run, "p-r", new RunOutcome(RunOutcome.RunStatus.SUCCEEDED, BatchWrite.NONE, 1, T0, null));
        assertEquals(T0, pages.findPage("p-r").orElseThrow().watermark());
        assertTrue(pages.requestFullSync("p-r"));
        assertNull(pages.findPage("p-r").orElseThrow().watermark());
        assertFalse(pages.requestFullSync("nope"));
    }

    @Test
    void removingAPageDeletesItsConversationsMessagesAndRuns() throws SQLException {
        pages.savePage(new PageProfile("p-x", "Gone soon", null));
        pages.savePage(new PageProfile("p-y", "Stays", null));
        store.writeBatch("p-x", List.of(conversation("p-x", "t_x", "s1", 1, "a")),
                List.of(message("p-x", "t_x", "m_x", 1, "a")));
        store.writeBatch("p-y", List.of(conversation("p-y", "t_y", "s1", 1, "a")),
                List.of(message("p-y", "t_y", "m_y", 1, "a")));
        store.startRun("p-x", SyncMode.FULL);

        assertTrue(pages.removePage("p-x"));
        assertFalse(pages.removePage("p-x"));
        assertEquals(0, count("SELECT count(*) FROM messenger_conversations WHERE page_id = 'p-x'"));
        assertEquals(0, count("SELECT count(*) FROM messenger_messages WHERE page_id = 'p-x'"));
        assertEquals(0, count("SELECT count(*) FROM sync_runs WHERE page_id = 'p-x'"));
        assertEquals(1, count("SELECT count(*) FROM messenger_messages WHERE page_id = 'p-y'"));
    }

    private static long count(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
