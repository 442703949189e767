package app.inboxsync.store.write;

import app.inboxsync.store.jdbc.Transaction;
import app.inboxsync.sync.InboxStore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * The per-Page sync lock: a session-level PostgreSQL advisory lock, so it also excludes syncs from other
 * processes and machines using the same database. It is held on a connection kept out of the pool until
 * {@link #close()}; if the process dies, PostgreSQL drops the session and with it the lock.
 */
final class PageLock implements InboxStore.SyncLock {
    private final Connection connection;
    private final long key;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PageLock(Connection connection, long key) {
        this.connection = connection;
        this.key = key;
    }

    static Optional<InboxStore.SyncLock> tryTake(DataSource dataSource, String pageId) {
        long key = keyOf(pageId);
        Connection c = null;
        try {
            c = dataSource.getConnection();
            c.setAutoCommit(true);
            try (PreparedStatement s = c.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
                s.setLong(1, key);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return Optional.of(new PageLock(c, key));
                    }
                }
            }
            c.close();
            return Optional.empty();
        } catch (SQLException e) {
            closeQuietly(c);
            throw Transaction.failure("take the sync lock of page " + pageId, e);
        }
    }

    /**
     * A stable 64-bit key for the Page: the first 8 bytes of SHA-256 over a prefix and the id. The prefix keeps
     * these keys apart from advisory locks other software on a shared server might take.
     */
    static long keyOf(String pageId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(("inbox-sync/page/" + pageId).getBytes(StandardCharsets.UTF_8));
            long key = 0;
            for (int i = 0; i < 8; i++) {
                key = (key << 8) | (hash[i] & 0xff);
            }
            return key;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
            s.setLong(1, key);
            s.execute();
        } catch (SQLException e) {
            // a broken connection has lost the session, and the lock with it
        } finally {
            closeQuietly(connection);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // returned to the pool or already gone
        }
    }
}
