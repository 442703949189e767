package app.inboxsync.store.server;

import app.inboxsync.domain.Secret;
import app.inboxsync.store.StoreException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * zonky runs {@code initdb -A trust}: anyone on the machine could log in. After the first start this sets the
 * superuser's password and rewrites pg_hba.conf to scram-sha-256 for every connection. It is repeated on any
 * start that still finds a {@code trust} line (a first start interrupted half way).
 */
final class ClusterSecurity {
    private static final List<String> HBA = List.of(
            "# Written by Inbox Sync: every connection needs the password kept in <home>/db-password.",
            "local   all   all                scram-sha-256",
            "host    all   all   127.0.0.1/32 scram-sha-256",
            "host    all   all   ::1/128      scram-sha-256");

    private ClusterSecurity() {
    }

    static boolean isSecured(Path dataDir) {
        Path hba = dataDir.resolve("pg_hba.conf");
        return Files.exists(hba) && !trusts(hba);
    }

    static void secure(EmbeddedPostgres postgres, Path dataDir, Secret password) {
        Path hba = dataDir.resolve("pg_hba.conf");
        if (!trusts(hba)) {
            return;
        }
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            // The driver hashes the password (SCRAM) on our side: the clear text never reaches the server, its
            // statement log or pg_stat_activity, and it is not spliced into SQL.
            c.unwrap(PGConnection.class).alterUserPassword(EmbeddedDatabase.SUPERUSER, password.reveal().toCharArray(),
                    "scram-sha-256");
            Files.write(hba, HBA, StandardCharsets.UTF_8);
            s.execute("SELECT pg_reload_conf()");
        } catch (SQLException | IOException e) {
            throw new StoreException("Could not password-protect the embedded database: " + e.getMessage(), e);
        }
    }

    private static boolean trusts(Path hba) {
        try {
            return Files.readAllLines(hba, StandardCharsets.UTF_8).stream()
                    .map(String::strip)
                    .filter(line -> !line.startsWith("#"))
                    .anyMatch(line -> line.matches(".*\\strust(\\s.*)?"));
        } catch (IOException e) {
            return true;
        }
    }
}
