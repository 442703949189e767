package app.inboxsync.store.read;

import static app.inboxsync.store.Fixtures.T0;
import static app.inboxsync.store.Fixtures.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Message;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.read.MessageRow;
import app.inboxsync.store.Fixtures;
import app.inboxsync.store.TestDatabase;
import app.inboxsync.store.server.Database;
import app.inboxsync.store.write.PostgresInboxStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The browser's windows, order, filters and search against the real schema (V3's indexes included). */
class ConversationBrowseQueriesTest {
    private static final String PAGE = "p-b";
    private static final String OTHER = "p-b2";
    private static Database db;
    private static ConversationBrowseQueries queries;

    @BeforeAll
    static void open() {
        db = TestDatabase.fresh();
        queries = new ConversationBrowseQueries(db);
        Fixtures.addPage(db, PAGE);
        Fixtures.addPage(db, OTHER);
        PostgresInboxStore store = new PostgresInboxStore(db);
        // t_00 … t_24 on PAGE: minute i, i messages, unread on every third, sender names in reverse order
        List<Conversation> conversations = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            conversations.add(conversation(PAGE, id(i), "Customer " + (char) ('Z' - i), i, i, i % 3 == 0 ? 1 : 0,
                    "snippet " + i));
        }
        List<Message> messages = List.of(
                message(PAGE, id(3), "m_a", 1, "Is the turquoise raincoat still available?"),
                message(PAGE, id(3), "m_b", 3, "ok"),
                message(PAGE, id(7), "m_c", 7, "Please send the invoice to shop.example.com"),
                message(PAGE, id(9), "m_d", 9, "Ordered the TURQUOISE scarf 🧣"));
        store.writeBatch(PAGE, conversations, messages);
        store.writeBatch(OTHER, List.of(conversation(OTHER, "t_other", "Bea", 100, 1, 1, "hello")),
                List.of(message(OTHER, "t_other", "m_o", 100, "turquoise again")));
        new ConversationTags(db).add(List.of(id(2), id(4), "t_other"), "vip");
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void windowsPageThroughEveryConversationOnceInTheDatabasesOrder() {
        ConversationFilter page = ConversationFilter.page(PAGE);
        assertEquals(25, queries.count(page));
        List<String> seen = new ArrayList<>();
        for (int offset = 0; offset < 25; offset += 10) {
            seen.addAll(ids(queries.window(page, ConversationSort.NEWEST_FIRST, offset, 10)));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 24; i >= 0; i--) {
            expected.add(id(i));
        }
        assertEquals(expected, seen);
        assertEquals(List.of(), queries.window(page, ConversationSort.NEWEST_FIRST, 25, 10));
        assertThrows(IllegalArgumentException.class, () -> queries.window(page, ConversationSort.NEWEST_FIRST, -1, 10));
    }

    @Test
    void sortsByTheClickedColumnBothWays() {
        ConversationFilter page = ConversationFilter.page(PAGE);
        var bySender = new ConversationSort(ConversationSort.Column.SENDER, false);
        assertEquals(List.of(id(24), id(23)), ids(queries.window(page, bySender, 0, 2)), "Customer B, Customer C, …");
        var byMessages = new ConversationSort(ConversationSort.Column.MESSAGES, false);
        assertEquals(List.of(id(0), id(1), id(2)), ids(queries.window(page, byMessages, 0, 3)));
        var byUnread = new ConversationSort(ConversationSort.Column.UNREAD, true);
        assertEquals(List.of(id(24), id(21)), ids(queries.window(page, byUnread, 0, 2)), "unread first, ties by id");
        var oldest = new ConversationSort(ConversationSort.Column.TIME, false);
        assertEquals(List.of(id(0)), ids(queries.window(page, oldest, 0, 1)));
    }

    @Test
    void filtersByPageTagUnreadAndDates() {
        assertEquals(26, queries.count(ConversationFilter.ALL), "all pages");
        assertEquals("t_other", queries.window(ConversationFilter.ALL, ConversationSort.NEWEST_FIRST, 0, 1).get(0).conversationId());
        assertEquals(List.of(id(4), id(2)), ids(queries.window(ConversationFilter.page(PAGE).withTag("vip"),
                ConversationSort.NEWEST_FIRST, 0, 10)));
        assertEquals(3, queries.count(ConversationFilter.ALL.withTag("vip")));
        assertEquals(0, queries.count(ConversationFilter.ALL.withTag("VIP")), "tags are exact");
        assertEquals(9, queries.count(ConversationFilter.page(PAGE).withUnreadOnly(true)), "0, 3, …, 24");
        Instant from = T0.plusSeconds(60L * 10);
        Instant until = T0.plusSeconds(60L * 20);
        assertEquals(10, queries.count(ConversationFilter.page(PAGE).withDates(from, until)), "minutes 10 … 19");
        assertEquals(15, queries.count(ConversationFilter.page(PAGE).withDates(from, null)));
        assertEquals(3, queries.count(ConversationFilter.page(PAGE).withDates(from, until).withUnreadOnly(true)), "12, 15, 18");
    }

    @Test
    void searchFindsWordsInAnyMessageTheSenderAndTheSnippet() {
        ConversationFilter page = ConversationFilter.page(PAGE);
        assertEquals(List.of(id(9), id(3)), search(page.withSearch("turquoise")), "an older message's text, any case");
        assertEquals(List.of(id(3)), search(page.withSearch("TURQ rainc")), "every word, as a word's start");
        assertEquals(List.of(id(7)), search(page.withSearch("shop.example.com")), "a host name as written");
        assertEquals(List.of(id(7)), search(page.withSearch("invoice")));
        assertEquals(List.of(id(24)), search(page.withSearch("customer b")), "sender name");
        assertEquals(List.of(id(12)), search(page.withSearch("snippet 12")), "snippet");
        assertEquals(List.of(), search(page.withSearch("quoise")), "words are matched from their start");
        assertEquals(List.of(), search(page.withSearch("🧣")), "a search without a word matches nothing");
        assertEquals(List.of("t_other", id(9), id(3)), search(ConversationFilter.ALL.withSearch("turquoise")));
        assertEquals(List.of("t_other"), search(ConversationFilter.ALL.withSearch("turquoise").withTag("vip")));
        assertEquals(2, queries.count(page.withSearch("turquoise")));
        var first = queries.firstWindow(page.withSearch("turquoise"), ConversationSort.NEWEST_FIRST, 1);
        assertEquals(2, first.count(), "the count of a search comes with its first window");
        assertEquals(List.of(id(9)), ids(first.rows()));
        assertEquals(0, queries.firstWindow(page.withSearch("nothing-like-this"), ConversationSort.NEWEST_FIRST, 1).count());
        assertEquals(25, queries.firstWindow(page, ConversationSort.NEWEST_FIRST, 1).count());
        assertEquals(List.of(), search(page.withSearch("it's' \\ \"x")), "quotes and backslashes are just text");
    }

    @Test
    void threadPagesGoBackwardsFromTheNewestMessage() {
        List<MessageRow> newest = queries.olderMessages(id(3), null, 1);
        assertEquals(List.of("m_b"), newest.stream().map(MessageRow::messageId).toList());
        List<MessageRow> older = queries.olderMessages(id(3), newest.get(0), 10);
        assertEquals(List.of("m_a"), older.stream().map(MessageRow::messageId).toList());
        assertEquals(List.of(), queries.olderMessages(id(3), older.get(0), 10));
    }

    private static List<String> search(ConversationFilter filter) {
        return ids(queries.window(filter, ConversationSort.NEWEST_FIRST, 0, 50));
    }

    private static String id(int i) {
        return String.format("t_%02d", i);
    }

    private static Conversation conversation(String page, String id, String sender, int minutes, int messages, int unread,
                                             String snippet) {
        return new Conversation(id, page, Folder.INBOX, "psid-" + id, sender, snippet, T0.plusSeconds(60L * minutes),
                messages, unread, true, null, null);
    }

    private static List<String> ids(List<ConversationRow> rows) {
        return rows.stream().map(ConversationRow::conversationId).toList();
    }
}
