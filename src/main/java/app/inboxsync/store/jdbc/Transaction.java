package app.inboxsync.store.jdbc;

import app.inboxsync.store.StoreException;
import app.inboxsync.store.server.LostConnection;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Runs JDBC work on a pooled connection, committing or rolling back, and turns SQLExceptions into StoreExceptions. */
public final class Transaction {

    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private Transaction() {
    }

    /** Runs {@code work} in one transaction: all of it is committed, or none of it. */
    public static <T> T run(DataSource dataSource, String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                rollbackQuietly(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    /** Runs single-statement work in autocommit mode. */
    public static <T> T read(DataSource dataSource, String what, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    public static StoreException failure(String what, SQLException e) {
        if (LostConnection.is(e)) {
            return LostConnection.explain(what, e);
        }
        return new StoreException("Could not " + what + ": " + e.getMessage(), e);
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the original failure is the one worth reporting; the pool discards a broken connection
        }
    }
}
