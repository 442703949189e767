package app.inboxsync.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;

/**
 * A pool of connections to a migrated Inbox Sync database. {@link #connect} fails fast, with a message that
 * says what to fix, when the server cannot be reached or refuses the login.
 */
public final class Database implements AutoCloseable {
    /** Enough for a bounded "sync all": each syncing Page holds one lock connection and one writer. */
    private static final int POOL_SIZE = 24; // a syncing page holds one connection for its lock and borrows one to write; 8 pages in parallel fit
    private static final long CONNECT_TIMEOUT_MS = 5_000;

    /** Names this process's sessions on the server, so an embedded server's owner can tell other processes' apart. */
    static final String APPLICATION_NAME = "Inbox Sync pid " + ProcessHandle.current().pid();

    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    public static Database connect(DatabaseSettings settings) {
        HikariDataSource pool = openPool(settings);
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

    private static HikariDataSource openPool(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("inbox-sync-db");
        config.setJdbcUrl(settings.jdbcUrl());
        if (settings.user() != null) {
            config.setUsername(settings.user());
        }
        if (settings.password() != null) {
            config.setPassword(settings.password().reveal());
        }
        config.setMaximumPoolSize(POOL_SIZE);
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

    private static void migrate(DataSource dataSource) {
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
