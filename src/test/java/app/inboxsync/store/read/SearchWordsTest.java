package app.inboxsync.store.read;

import static app.inboxsync.store.Fixtures.T0;
import static app.inboxsync.store.Fixtures.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Message;
import app.inboxsync.read.ConversationBrowsing.FirstWindow;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.store.Fixtures;
import app.inboxsync.store.TestDatabase;
import app.inboxsync.store.server.Database;
import app.inboxsync.store.write.PostgresInboxStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * V9's search words (conversation_words, kept by triggers as messages arrive), and the two ways a search finds a window (walking the
 * sort's index for a word most conversations have, collecting the matches for a rare one): both must give the
 * rows an exact sort of all matches gives.
 */
class SearchWordsTest {
    private static final String PAGE = "p-words";
    private static final String MANY = "p-many";
    private static final int TOTAL = 12_000;
    private static Database db;
    private static PostgresInboxStore store;
    private static ConversationBrowseQueries queries;
    /** MANY's conversations that say "refund", as an exact sort by time and by sender would list them. */
    private static final List<Conversation> refunds = new ArrayList<>();
    private static final List<Conversation> conversations = new ArrayList<>();

    @BeforeAll
    static void open() {
        db = TestDatabase.fresh();
        store = new PostgresInboxStore(db);
        queries = new ConversationBrowseQueries(db);
        Fixtures.addPage(db, PAGE);
        Fixtures.addPage(db, MANY);
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < TOTAL; i++) {
            boolean refund = i % 7 != 3; // most of them
            // senders named in an order unlike the times', some unknown (NULL)
            String sender = i % 97 == 0 ? null : "Sender " + Integer.toString((i * 7919) % 100_003, 36);
            Conversation c = new Conversation("c" + i, MANY, Folder.INBOX, "u" + i, sender, "snippet " + i,
                    T0.plusSeconds(i * 37L % 50_000 * 60 + i), 1, 0, true, null, null);
            conversations.add(c);
            messages.add(message(MANY, c.id(), "cm" + i, i, refund ? "I would like a refund please" : "hello"));
            if (refund) {
                refunds.add(c);
            }
        }
        store.writeBatch(MANY, conversations, messages);
        assertTrue(refunds.size() > FirstWindow.COUNT_CAP, "enough matches to cap the count");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void wordsOfMessagesStoredLaterChangedLaterOrBeforeTheirConversationAreFound() {
        ConversationFilter page = ConversationFilter.page(PAGE);
        store.writeBatch(PAGE, List.of(conversation("a", 1, "Ann")), List.of(message(PAGE, "a", "a1", 1, "first words")));
        assertEquals(List.of(), search(page.withSearch("parcel")));

        store.writeBatch(PAGE, List.of(conversation("a", 2, "Ann")), List.of(message(PAGE, "a", "a2", 2, "where is my parcel")));
        assertEquals(List.of("a"), search(page.withSearch("parcel")), "a message of a later batch");
        assertEquals(List.of("a"), search(page.withSearch("first")), "and the earlier ones still");

        store.writeBatch(PAGE, List.of(conversation("b", 3, "Bo")), List.of(new Message("b1", "b", PAGE, "u", "Bo", false, null,
                T0.plusSeconds(180), null, true)));
        assertEquals(List.of(), search(page.withSearch("voucher")));
        store.writeBatch(PAGE, List.of(conversation("b", 3, "Bo")), List.of(message(PAGE, "b", "b1", 3, "a voucher code")));
        assertEquals(List.of("b"), search(page.withSearch("voucher")), "a text that arrived with the message's details");

        store.writeBatch(PAGE, List.of(), List.of(message(PAGE, "c", "c1", 4, "stored before its conversation")));
        store.writeBatch(PAGE, List.of(conversation("c", 4, "Cy")), List.of());
        assertEquals(List.of("c"), search(page.withSearch("before conversation")));

        NotesQueries notes = new NotesQueries(db);
        notes.save("c", "wants the wholesale catalogue");
        assertEquals(List.of("c"), search(page.withSearch("wholesale")), "the admin's notes");
        notes.save("c", "sent the catalogue");
        assertEquals(List.of(), search(page.withSearch("wholesale")), "a word taken out of the notes finds it no more");
        assertEquals(List.of("c"), search(page.withSearch("catalogue stored")), "its other words stay");
        store.writeBatch(PAGE, List.of(new Conversation("c", PAGE, Folder.INBOX, "psid-c", "Cyril", "new snippet", T0.plusSeconds(600),
                2, 0, true, null, null)), List.of());
        assertEquals(List.of("c"), search(page.withSearch("cyril snippet")), "a new name and snippet");

        assertEquals(1, sql("SELECT count(*) FROM conversation_words WHERE conversation_id = 'c'"));
        sql("WITH gone AS (DELETE FROM messenger_conversations WHERE conversation_id = 'c' RETURNING 1) SELECT count(*) FROM gone");
        assertEquals(0, sql("SELECT count(*) FROM conversation_words WHERE conversation_id = 'c'"),
                "a deleted conversation's words go with it");
    }

    /** Listed by id (the usual way), and past the list (a word in more conversations than it takes). */
    @ParameterizedTest
    @ValueSource(ints = {2_000, 100})
    void aWordInMostConversationsIsCountedToTheCapAndItsWindowsAreExact(int listedMatches) {
        ConversationBrowseQueries queries = new ConversationBrowseQueries(db.dataSource(), listedMatches);
        ConversationFilter refund = ConversationFilter.page(MANY).withSearch("refund");
        FirstWindow first = queries.firstWindow(refund, ConversationSort.NEWEST_FIRST, 200);
        assertEquals(FirstWindow.COUNT_CAP, first.count());
        assertTrue(first.more(), "shown as 10,000+");
        List<String> newestFirst = sorted(Comparator.comparing(Conversation::updatedTime)
                .thenComparing(Conversation::id).reversed());
        assertEquals(newestFirst.subList(0, 200), ids(first.rows()), "walked from the newest");
        assertEquals(newestFirst.subList(5_000, 5_200), ids(queries.window(refund, ConversationSort.NEWEST_FIRST, 5_000, 200)),
                "a deep window, walked too (V10: conversation_words' own time index)");
        assertEquals(newestFirst.subList(newestFirst.size() - 150, newestFirst.size()),
                ids(queries.window(refund, ConversationSort.NEWEST_FIRST, newestFirst.size() - 150, 200)), "the last one");
        List<String> oldestFirst = new ArrayList<>(newestFirst);
        java.util.Collections.reverse(oldestFirst);
        ConversationSort oldest = new ConversationSort(ConversationSort.Column.TIME, false);
        assertEquals(oldestFirst.subList(0, 200), ids(queries.window(refund, oldest, 0, 200)), "walked backwards");
        assertEquals(oldestFirst.subList(7_000, 7_100), ids(queries.window(refund, oldest, 7_000, 100)));

        // an unknown sender (NULL) sorts last either way
        Comparator<Conversation> aToZOrder = Comparator.comparing(Conversation::senderName,
                Comparator.nullsLast(SearchWordsTest::databaseOrder)).thenComparing(Conversation::id);
        Comparator<Conversation> zToAOrder = Comparator.comparing(Conversation::senderName,
                Comparator.nullsLast(SearchWordsTest.<String>reversed())).thenComparing(Conversation::id, Comparator.reverseOrder());
        ConversationSort aToZ = new ConversationSort(ConversationSort.Column.SENDER, false);
        ConversationSort zToA = new ConversationSort(ConversationSort.Column.SENDER, true);
        assertEquals(sorted(aToZOrder).subList(0, 200), ids(queries.window(refund, aToZ, 0, 200)));
        assertEquals(sorted(zToAOrder).subList(0, 200), ids(queries.window(refund, zToA, 0, 200)));
        assertEquals(sorted(zToAOrder).subList(sorted(zToAOrder).size() - 100, sorted(zToAOrder).size()),
                ids(queries.window(refund, zToA, sorted(zToAOrder).size() - 100, 100)), "the unknown senders at the end");
        assertEquals(sorted(aToZOrder).subList(9_000, 9_100), ids(queries.window(refund, aToZ, 9_000, 100)));
    }

    @ParameterizedTest
    @ValueSource(ints = {2_000, 100})
    void aRareWordIsCountedExactly(int listedMatches) {
        ConversationBrowseQueries queries = new ConversationBrowseQueries(db.dataSource(), listedMatches);
        FirstWindow first = queries.firstWindow(ConversationFilter.page(MANY).withSearch("hello"), ConversationSort.NEWEST_FIRST, 50);
        int hellos = TOTAL - refunds.size();
        assertEquals(hellos, first.count());
        assertFalse(first.more());
        assertEquals(50, first.rows().size());
        assertEquals(hellos, queries.count(ConversationFilter.page(MANY).withSearch("hello")));
        java.util.Set<Conversation> saidRefund = new java.util.HashSet<>(refunds);
        List<String> newestFirst = conversations.stream().filter(c -> !saidRefund.contains(c))
                .sorted(Comparator.comparing(Conversation::updatedTime).thenComparing(Conversation::id).reversed())
                .map(Conversation::id).toList();
        assertEquals(newestFirst.subList(0, 50), ids(first.rows()), "listed, or collected from conversation_words");
        assertEquals(newestFirst.subList(1_000, 1_100), ids(queries.window(ConversationFilter.page(MANY).withSearch("hello"),
                ConversationSort.NEWEST_FIRST, 1_000, 100)));
    }

    /** Sender names here are "Sender " and base-36 digits, which every collation orders as plain text does. */
    private static int databaseOrder(String a, String b) {
        return a.compareTo(b);
    }

    private static int sql(String query) {
        try (java.sql.Connection c = db.dataSource().getConnection(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T extends Comparable<T>> Comparator<T> reversed() {
        return (a, b) -> b.compareTo(a);
    }

    private static List<String> sorted(Comparator<Conversation> order) {
        return refunds.stream().sorted(order).map(Conversation::id).toList();
    }

    private static List<String> search(ConversationFilter filter) {
        return ids(queries.window(filter, ConversationSort.NEWEST_FIRST, 0, 50));
    }

    private static Conversation conversation(String id, int minutes, String sender) {
        return new Conversation(id, PAGE, Folder.INBOX, "psid-" + id, sender, "snippet", T0.plusSeconds(60L * minutes), 1, 0,
                true, null, null);
    }

    private static List<String> ids(List<ConversationRow> rows) {
        return rows.stream().map(ConversationRow::conversationId).toList();
    }
}
