package app.inboxsync.store.read;

import static app.inboxsync.store.Fixtures.T0;
import static app.inboxsync.store.Fixtures.message;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Folder;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.store.Fixtures;
import app.inboxsync.store.TestDatabase;
import app.inboxsync.store.server.Database;
import app.inboxsync.store.write.PostgresInboxStore;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * V10: conversation_words keeps its conversation's Page, folder, time and unread count (a search without a tag
 * reads that table alone), through every way a conversation changes: stored after its messages, given a newer
 * message, moved to another folder, read, tagged, deleted.
 */
class WordsFollowConversationsTest {
    private static final String PAGE = "p-follow";
    private static final String OTHER = "p-follow-2";

    /** Listed by id (a rare word, the usual way), or never listed: read from conversation_words alone. */
    @ParameterizedTest
    @ValueSource(ints = {2_000, 0})
    void aSearchSeesEachConversationWhereItIsNow(int listedMatches) {
        try (Database db = TestDatabase.fresh()) {
            Fixtures.addPage(db, PAGE);
            Fixtures.addPage(db, OTHER);
            PostgresInboxStore store = new PostgresInboxStore(db);
            ConversationBrowseQueries queries = new ConversationBrowseQueries(db.dataSource(), listedMatches);
            ConversationFilter page = ConversationFilter.page(PAGE).withSearch("parcel");
            ConversationFilter everywhere = ConversationFilter.ALL.withSearch("parcel");

            store.writeBatch(PAGE, List.of(), List.of(message(PAGE, "a", "a1", 1, "where is my parcel")));
            assertEquals(List.of(), newestFirst(queries, everywhere), "words stored before their conversation");
            assertEquals(0, queries.firstWindow(everywhere, ConversationSort.NEWEST_FIRST, 10).count());
            assertEquals(0, queries.count(everywhere));

            store.writeBatch(PAGE, List.of(conversation(PAGE, "a", 5, Folder.INBOX)), List.of());
            store.writeBatch(PAGE, List.of(conversation(PAGE, "b", 10, Folder.INBOX)),
                    List.of(message(PAGE, "b", "b1", 10, "parcel lost")));
            store.writeBatch(OTHER, List.of(conversation(OTHER, "x", 7, Folder.INBOX)),
                    List.of(message(OTHER, "x", "x1", 7, "a parcel for the other Page")));
            assertSameAsConversations(db);
            assertEquals(List.of("b", "a"), newestFirst(queries, page));
            assertEquals(List.of("a", "b"), ids(queries.window(page, new ConversationSort(ConversationSort.Column.TIME, false),
                    0, 10)), "oldest first");
            assertEquals(List.of("b", "x", "a"), newestFirst(queries, everywhere));
            assertEquals(3, queries.count(everywhere));

            // a newer message moves "a" to the top, and Facebook moved it to Spam
            store.writeBatch(PAGE, List.of(conversation(PAGE, "a", 20, Folder.SPAM, 2)),
                    List.of(message(PAGE, "a", "a2", 20, "still no parcel")));
            assertSameAsConversations(db);
            assertEquals(List.of("a", "b"), newestFirst(queries, page));
            assertEquals(List.of("b"), newestFirst(queries, page.withFolder(Folder.INBOX)));
            assertEquals(List.of("a"), newestFirst(queries, page.withFolder(Folder.SPAM)));
            assertEquals(List.of("a"), newestFirst(queries, page.withDates(T0.plusSeconds(60L * 15), null)));
            assertEquals(List.of("b"), newestFirst(queries, page.withDates(null, T0.plusSeconds(60L * 15))));
            assertEquals(1, queries.firstWindow(page.withFolder(Folder.SPAM), ConversationSort.NEWEST_FIRST, 10).count());
            assertEquals(List.of("a"), newestFirst(queries, page.withUnreadOnly(true)));
            store.writeBatch(PAGE, List.of(conversation(PAGE, "a", 20, Folder.SPAM)), List.of());
            assertSameAsConversations(db);
            assertEquals(List.of(), newestFirst(queries, page.withUnreadOnly(true)), "read on Facebook since");

            new ConversationTags(db).add(List.of("a", "b"), "vip");
            assertSameAsConversations(db);
            assertEquals(List.of("a", "b"), newestFirst(queries, page.withTag("vip")));
            assertEquals(List.of("b"), newestFirst(queries, page.withTag("vip").withFolder(Folder.INBOX)));
            new ConversationTags(db).remove(List.of("a"), "vip");
            assertSameAsConversations(db);
            assertEquals(List.of("b"), newestFirst(queries, page.withTag("vip")), "a tag taken off");

            sql(db, "DELETE FROM messenger_conversations WHERE conversation_id = 'a'");
            assertSameAsConversations(db);
            assertEquals(List.of("b"), newestFirst(queries, page));
            assertEquals(1, queries.count(page));
        }
    }

    /** Every conversation has one words row, with its Page, folder, time and unread count; no other row has a Page. */
    private static void assertSameAsConversations(Database db) {
        assertEquals(0, sql(db, """
                SELECT count(*) FROM messenger_conversations c FULL JOIN conversation_words w USING (conversation_id)
                 WHERE (c.page_id, c.folder, c.last_message_time, c.unread_count)
                       IS DISTINCT FROM (w.page_id, w.folder, w.last_message_time, w.unread_count)
                """));
    }

    private static List<String> newestFirst(ConversationBrowseQueries queries, ConversationFilter filter) {
        return ids(queries.window(filter, ConversationSort.NEWEST_FIRST, 0, 10));
    }

    private static Conversation conversation(String page, String id, int minutes, Folder folder) {
        return conversation(page, id, minutes, folder, 0);
    }

    private static Conversation conversation(String page, String id, int minutes, Folder folder, int unread) {
        return new Conversation(id, page, folder, "psid-" + id, "Customer " + id, "snippet", T0.plusSeconds(60L * minutes),
                1, unread, true, null, null);
    }

    private static List<String> ids(List<ConversationRow> rows) {
        return rows.stream().map(ConversationRow::conversationId).toList();
    }

    private static int sql(Database db, String query) {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            if (!s.execute(query)) {
                return s.getUpdateCount();
            }
            try (ResultSet rs = s.getResultSet()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
