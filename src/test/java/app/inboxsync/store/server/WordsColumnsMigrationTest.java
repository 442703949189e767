package app.inboxsync.store.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.inboxsync.config.DatabaseSettings;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.store.TestDatabase;
import app.inboxsync.store.read.ConversationBrowseQueries;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V10 on a database V9 filled: conversation_words rebuilt with each conversation's Page, folder, time and unread
 * count, its words kept.
 */
class WordsColumnsMigrationTest {

    @Test
    void aV9DatabaseKeepsItsWordsAndGetsTheirConversationsColumns() throws SQLException {
        DatabaseSettings settings = emptyDatabase();
        Flyway.configure().dataSource(settings.jdbcUrl(), settings.user(), settings.password().reveal())
                .locations("classpath:db/migration").target("9").load().migrate();
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password().reveal());
             Statement s = c.createStatement()) {
            s.execute("INSERT INTO facebook_pages (facebook_page_id, name) VALUES ('p1', 'Shop')");
            s.execute("""
                    INSERT INTO messenger_conversations (page_id, sender_id, conversation_id, sender_name, last_message,
                                                         last_message_time, folder, unread_count, tags)
                    VALUES ('p1', 'u1', 'c1', 'Ann', 'thanks', '2025-01-01T10:00:00Z', 'inbox', 0, '{}'),
                           ('p1', 'u2', 'c2', 'Bo', 'hello', '2025-01-02T10:00:00Z', 'spam', 3, '{vip}')""");
            s.execute("""
                    INSERT INTO messenger_messages (message_id, conversation_id, page_id, text, created_time)
                    VALUES ('m1', 'c1', 'p1', 'where is my parcel', '2025-01-01T10:00:00Z'),
                           ('m2', 'c2', 'p1', 'parcel arrived', '2025-01-02T10:00:00Z'),
                           ('m3', 'c3', 'p1', 'parcel before its conversation', '2025-01-03T10:00:00Z')""");
        }

        try (Database db = Database.connect(settings); Connection c = db.dataSource().getConnection();
             Statement s = c.createStatement()) {
            s.execute("SET TIME ZONE 'UTC'");
            assertEquals(List.of("c1 p1 inbox 2025-01-01 10:00:00+00 0 true",
                    "c2 p1 spam 2025-01-02 10:00:00+00 3 true", "c3 - - - - true"), rows(s, """
                    SELECT conversation_id || ' ' || coalesce(page_id, '-') || ' ' || coalesce(folder, '-') || ' '
                           || coalesce(last_message_time::text, '-') || ' ' || coalesce(unread_count::text, '-') || ' '
                           || (words @@ 'parcel'::tsquery)
                      FROM conversation_words ORDER BY conversation_id"""));
            ConversationBrowseQueries queries = new ConversationBrowseQueries(db);
            ConversationFilter parcel = ConversationFilter.page("p1").withSearch("parcel");
            assertEquals(List.of("c2", "c1"), queries.window(parcel, ConversationSort.NEWEST_FIRST, 0, 10).stream()
                    .map(ConversationRow::conversationId).toList());
            assertEquals(List.of("c1"), rows(s, """
                    SELECT conversation_id FROM conversation_words
                     WHERE words @@ 'ann'::tsquery AND page_id = 'p1' AND folder = 'inbox'"""), "its own words too");
        }
    }

    private static List<String> rows(Statement s, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    /** A database on the tests' server with no schema at all. */
    private static DatabaseSettings emptyDatabase() throws SQLException {
        EmbeddedDatabase server = TestDatabase.server();
        String name = "test_" + UUID.randomUUID().toString().replace("-", "");
        DatabaseSettings admin = server.settings("postgres");
        try (Connection c = DriverManager.getConnection(admin.jdbcUrl(), admin.user(), admin.password().reveal());
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return server.settings(name);
    }
}
