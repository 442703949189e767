package app.inboxsync.store.server;

import app.inboxsync.config.DatabaseSettings;
import app.inboxsync.store.StoreException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * A pool of connections to a migrated Inbox Sync database. {@link #connect} fails fast, with a message that
 * says what to fix, when the server cannot be reached or refuses the login.
 */
public final class Database implements AutoCloseable {
    /** Enough for a bounded "sync all" of 8 Pages (see {@link #poolSizeFor}), when nobody says how many. */
    private static final int POOL_SIZE = 24;
    private static final long CONNECT_TIMEOUT_MS = 5_000;

    /** Names this process's sessions on the server, so an embedded server's owner can tell other processes' apart. */
    static final String APPLICATION_NAME = "Inbox Sync pid " + ProcessHandle.current().pid();

    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    public static Database connect(DatabaseSettings settings) {
        return connect(settings, POOL_SIZE);
    }

    /**
     * The connections a process syncing {@code parallelism} Pages at once may need: each syncing Page holds one
     * for its lock and borrows one to write, and a few serve everything else (queries, the refusal memory, the
     * window). The pool opens them only as they are needed, so an idle process holds two; on a shared server
     * the sum over all machines must stay under its {@code max_connections}.
     */
    public static int poolSizeFor(int parallelism) {
        return 2 * parallelism + 4;
    }

    /** As {@link #connect(DatabaseSettings)}, with at most {@code poolSize} connections. */
    public static Database connect(DatabaseSettings settings, int poolSize) {
        HikariDataSource pool = openPool(settings, poolSize);
        try {
            migrate(pool);
            return new Database(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }

    /** Whether the schema history ends at {@link #NEWEST_MIGRATION} with every step succeeded. */
    static boolean current(DataSource dataSource) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FILTER (WHERE NOT success), max(version::int)"
                     + " FROM flyway_schema_history WHERE version IS NOT NULL")) {
            return rs.next() && rs.getLong(1) == 0 && rs.getInt(2) == NEWEST_MIGRATION;
        } catch (SQLException noHistoryYet) {
            return false; // an empty database, or one that is not ours: Flyway says which
        }
    }

    private static HikariDataSource openPool(DatabaseSettings settings, int poolSize) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("inbox-sync-db");
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password().reveal());
        }
        config.setMaximumPoolSize(poolSize);
        config.setMinimumIdle(2);
        config.setConnectionTimeout(CONNECT_TIMEOUT_MS);
        config.setInitializationFailTimeout(1); // one attempt at startup: a wrong URL fails in seconds
        config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_MS / 1000));
        config.addDataSourceProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT_MS / 1000));
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
        config.addDataSourceProperty("tcpKeepAlive", "true");
        try {
            return new HikariDataSource(config);
        } catch (RuntimeException e) {
            throw ConnectionFailure.explain(e, settings);
        }
    }

    /**
     * The newest migration in {@code sql/} ({@code SchemaMigrationTest} holds this to the files). A database whose
     * history ends there, every step succeeded, is opened without Flyway: loading it and checking every script
     * took about half a second of each start of the window. Anything else (no history, an older or newer version,
     * a failed step) goes to Flyway, which migrates or says what is wrong.
     */
    static final int NEWEST_MIGRATION = 10;

    private static void migrate(DataSource dataSource) {
        if (current(dataSource)) {
            return;
        }
        try {
            Flyway.configure()
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
        } catch (FlywayException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            if (message.contains("no schema history table")) {
                throw new StoreException("The database already holds tables that Inbox Sync did not create "
                        + "(perhaps from the old web app). Point --db-url at an empty database.", e);
            }
            if (LostConnection.is(e)) {
                throw LostConnection.explain("bring the database schema up to date", e);
            }
            throw new StoreException("Could not bring the database schema up to date: " + message, e);
        }
    }
}
