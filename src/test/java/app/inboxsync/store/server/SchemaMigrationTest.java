package app.inboxsync.store.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.config.DatabaseSettings;
import app.inboxsync.store.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchemaMigrationTest {

    @Test
    void freshDatabaseGetsTheContractTablesAndColumns() throws SQLException {
        try (Database db = TestDatabase.fresh(); Connection c = db.dataSource().getConnection()) {
            assertTrue(columns(c, "facebook_pages").containsAll(Set.of("facebook_page_id", "name", "category",
                    "last_synced_at", "folders", "token_status", "token_error", "created_at")));
            assertTrue(columns(c, "messenger_conversations").containsAll(Set.of("page_id", "sender_id",
                    "conversation_id", "sender_name", "last_message", "last_message_time", "message_count",
                    "unread_count", "folder", "can_reply", "link", "participants", "missing_since", "tags", "notes",
                    "first_synced_at", "synced_at")));
            assertTrue(columns(c, "messenger_messages").containsAll(Set.of("message_id", "conversation_id",
                    "page_id", "from_id", "from_name", "is_from_page", "text", "created_time", "attachments",
                    "details_unavailable")));
            assertTrue(columns(c, "sync_runs").containsAll(Set.of("id", "page_id", "mode", "status", "started_at",
                    "finished_at", "conversations_inserted", "conversations_updated", "conversations_unchanged",
                    "messages_inserted", "api_calls", "error")));
        }
    }

    @Test
    void theSearchHasItsOneWordIndexAndNoneOfThoseItReplaced() throws SQLException {
        try (Database db = TestDatabase.fresh(); Connection c = db.dataSource().getConnection();
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT string_agg(indexname, ',' ORDER BY indexname) FROM pg_indexes"
                     + " WHERE indexname LIKE '%words_idx' OR indexname LIKE '%trgm_idx'")) {
            rs.next();
            // V9: conversation_words under one GIN index; V2's trigram, V3's and V8's word indexes are gone
            assertEquals("conversation_words_idx", rs.getString(1));
        }
    }

    @Test
    void migratingAgainIsANoOp() throws SQLException {
        try (Database db = TestDatabase.fresh()) {
            String before = schemaAndHistory(db);
            assertTrue(before.contains("messenger_messages.text"), before);
            // connect() migrates; a second pool on the same database must find nothing to do
            String url = ((com.zaxxer.hikari.HikariDataSource) db.dataSource()).getJdbcUrl();
            DatabaseSettings again = new DatabaseSettings(url, "postgres", TestDatabase.server().settings().password());
            Database.connect(again).close();
            assertEquals(before, schemaAndHistory(db), "no migration ran again and no column changed");
        }
    }

    @Test
    void theFastPathKnowsTheNewestMigrationInSql() throws Exception {
        int newest;
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(java.nio.file.Path.of("sql"))) {
            newest = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
        }
        assertEquals(newest, Database.NEWEST_MIGRATION, "a new migration must move Database.NEWEST_MIGRATION with it");
    }

    @Test
    void aCurrentSchemaOpensWithoutFlywayAndAnythingElseGoesThroughIt() throws SQLException {
        try (Database db = TestDatabase.fresh()) {
            assertTrue(Database.current(db.dataSource()), "migrated to the newest: nothing to do");
            try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.execute("UPDATE flyway_schema_history SET success = false WHERE version = '10'");
                assertFalse(Database.current(db.dataSource()), "a failed step is Flyway's to report");
                s.execute("UPDATE flyway_schema_history SET success = true WHERE version = '10'");
                s.execute("UPDATE flyway_schema_history SET version = '11' WHERE version = '10'");
                assertFalse(Database.current(db.dataSource()), "a newer app's schema is Flyway's to report");
                s.execute("UPDATE flyway_schema_history SET version = '10' WHERE version = '11'");
                s.execute("DELETE FROM flyway_schema_history WHERE version = '10'");
                assertFalse(Database.current(db.dataSource()), "one behind: Flyway migrates");
                s.execute("DROP TABLE flyway_schema_history");
                assertFalse(Database.current(db.dataSource()), "no history at all");
            }
        }
    }

    /** Flyway's history (versions, checksums, how many rows) and every column of the public schema, as text. */
    private static String schemaAndHistory(Database db) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT string_agg(installed_rank || ':' || coalesce(version, '-') || ':' "
                     + "|| coalesce(checksum::text, '-') || ':' || success, ',' ORDER BY installed_rank) FROM flyway_schema_history)"
                     + " || ' | ' || (SELECT string_agg(table_name || '.' || column_name || ' ' || data_type, ',' "
                     + "ORDER BY table_name, column_name) FROM information_schema.columns WHERE table_schema = 'public')")) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }

    private static Set<String> columns(Connection c, String table) throws SQLException {
        Set<String> names = new HashSet<>();
        try (ResultSet rs = c.getMetaData().getColumns(null, "public", table, null)) {
            while (rs.next()) {
                names.add(rs.getString("COLUMN_NAME"));
            }
        }
        return names;
    }
}
