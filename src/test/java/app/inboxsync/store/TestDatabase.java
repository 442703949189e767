package app.inboxsync.store;

import app.inboxsync.config.DatabaseSettings;
import app.inboxsync.store.server.Database;
import app.inboxsync.store.server.EmbeddedDatabase;
import app.inboxsync.store.write.PostgresInboxStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Real PostgreSQL for tests: one embedded server per test JVM, started on first use, and a brand-new,
 * migrated, empty database for every {@link #fresh()} call, so test classes never see each other's rows.
 * Usage: {@code try (Database db = TestDatabase.fresh()) { new PostgresInboxStore(db) … }}.
 */
public final class TestDatabase {
    private static EmbeddedDatabase server;

    private TestDatabase() {
    }

    /** A new empty database with the schema migrated; close it when done (the server keeps running). */
    public static Database fresh() {
        EmbeddedDatabase s = server();
        String name = "test_" + UUID.randomUUID().toString().replace("-", "");
        DatabaseSettings admin = s.settings("postgres");
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password().reveal());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test database " + name, e);
        }
        return Database.connect(s.settings(name));
    }

    /**
     * A new database that starts as a copy of {@code template} (a database of this server nobody is connected
     * to any more, e.g. a fresh one filled and closed), so tests can each start from the same known state.
     */
    public static Database copyOf(String template) {
        EmbeddedDatabase s = server();
        String name = "test_" + UUID.randomUUID().toString().replace("-", "");
        DatabaseSettings admin = s.settings("postgres");
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password().reveal());
             Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name + " TEMPLATE " + template);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not copy test database " + template + " to " + name, e);
        }
        return Database.connect(s.settings(name));
    }

    /** The shared embedded server (for tests that need its settings, e.g. to connect a second way). */
    public static synchronized EmbeddedDatabase server() {
        if (server == null) {
            // One directory per JVM, so parallel builds in the same worktree don't fight over the lock.
            Path root = Paths.get("target", "test-postgres");
            removeLeftoversOfEndedJvms(root);
            Path home = root.resolve("jvm-" + ProcessHandle.current().pid());
            deleteTree(home);
            EmbeddedDatabase started = EmbeddedDatabase.start(home);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                started.close();
                deleteTree(home);
            }, "test-postgres-stop"));
            server = started;
        }
        return server;
    }

    /** A JVM's exit hook may lose the race with zonky's own hook; tidy up after JVMs that are gone. */
    private static void removeLeftoversOfEndedJvms(Path root) {
        if (!Files.isDirectory(root)) {
            return;
        }
        try (Stream<Path> homes = Files.list(root)) {
            homes.filter(h -> h.getFileName().toString().startsWith("jvm-")).forEach(h -> {
                try {
                    long pid = Long.parseLong(h.getFileName().toString().substring(4));
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        return;
                    }
                } catch (NumberFormatException e) {
                    // not one of ours: fall through and remove it
                }
                deleteTree(h);
            });
        } catch (IOException e) {
            // best effort
        }
    }

    public static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: target/ is cleaned by the build anyway
        }
    }
}
