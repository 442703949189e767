package app.inboxsync.store.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.store.Fixtures;
import app.inboxsync.store.StoreException;
import app.inboxsync.store.TestDatabase;
import app.inboxsync.store.server.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** All of a transaction's work or none of it, on the embedded PostgreSQL, whichever way the work fails. */
class TransactionTest {
    private static Database db;

    @BeforeAll
    static void open() {
        db = TestDatabase.fresh();
        Fixtures.addPage(db, "p-tx");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static int rename(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE facebook_pages SET name = ? WHERE facebook_page_id = 'p-tx'")) {
            s.setString(1, name);
            return s.executeUpdate();
        }
    }

    private static String name() {
        return Transaction.read(db.dataSource(), "read the name", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT name FROM facebook_pages WHERE facebook_page_id = 'p-tx'"); ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        });
    }

    @Test
    void workThatThrowsHalfWayLeavesNothingBehindAndItsExceptionGoesOut() {
        String before = name();
        IllegalStateException stop = new IllegalStateException("stopped half-way");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> Transaction.run(db.dataSource(), "rename the page", c -> {
                    rename(c, "half done");
                    throw stop;
                }));
        assertSame(stop, thrown);
        assertEquals(before, name(), "the first statement was rolled back");
    }

    @Test
    void aFailedStatementLeavesNothingBehindAndSaysWhatCouldNotBeDone() {
        String before = name();
        StoreException e = assertThrows(StoreException.class, () -> Transaction.run(db.dataSource(), "rename the page",
                c -> {
                    rename(c, "half done");
                    return rename(c, null); // name is NOT NULL
                }));
        assertTrue(e.getMessage().startsWith("Could not rename the page: "), e.getMessage());
        assertEquals(before, name());
    }

    @Test
    void workThatEndsIsCommittedAndSeenFromAnotherConnection() {
        int renamed = Transaction.run(db.dataSource(), "rename the page", c -> rename(c, "Renamed"));
        assertEquals(1, renamed);
        assertEquals("Renamed", name());
    }
}
