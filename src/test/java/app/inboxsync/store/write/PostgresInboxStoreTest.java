package app.inboxsync.store.write;

import static app.inboxsync.store.Fixtures.T0;
import static app.inboxsync.store.Fixtures.conversation;
import static app.inboxsync.store.Fixtures.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Message;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.read.MessageRow;
import app.inboxsync.store.Fixtures;
import app.inboxsync.store.StoreException;
import app.inboxsync.store.TestDatabase;
import app.inboxsync.store.read.ConversationBrowseQueries;
import app.inboxsync.store.read.ConversationQueries;
import app.inboxsync.store.server.Database;
import app.inboxsync.sync.BatchWrite;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PostgresInboxStoreTest {
    private static Database db;
    private static PostgresInboxStore store;
    private static ConversationQueries queries;

    @BeforeAll
    static void open() {
        db = TestDatabase.fresh();
        store = new PostgresInboxStore(db);
        queries = new ConversationQueries(db);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void upsertCountsInsertsUpdatesAndUnchangedRowsExactly() {
        String page = "p-counts";
        Fixtures.addPage(db, page);
        List<Conversation> first = List.of(conversation(page, "t_1", "s1", 1, "hi"),
                conversation(page, "t_2", "s2", 2, "yo"), conversation(page, "t_3", "s3", 3, "hey"));
        List<Message> firstMessages = List.of(message(page, "t_1", "m_1", 1, "hi"),
                message(page, "t_2", "m_2", 2, "yo"));
        assertEquals(new BatchWrite(3, 0, 0, 2, 0), store.writeBatch(page, first, firstMessages));

        List<Conversation> second = List.of(conversation(page, "t_1", "s1", 1, "hi"),
                conversation(page, "t_2", "s2", 5, "new snippet"), conversation(page, "t_4", "s4", 6, "new"));
        List<Message> secondMessages = List.of(message(page, "t_1", "m_1", 1, "hi"),
                message(page, "t_2", "m_2", 2, "edited"), message(page, "t_2", "m_3", 5, "new snippet"));
        assertEquals(new BatchWrite(1, 1, 1, 1, 1), store.writeBatch(page, second, secondMessages));
        assertEquals(new BatchWrite(0, 0, 3, 0, 0), store.writeBatch(page, second, secondMessages));
    }

    @Test
    void repeatedKeysInOneBatchAreDedupedLastOneWins() {
        String page = "p-dedupe";
        Fixtures.addPage(db, page);
        List<Conversation> conversations = List.of(conversation(page, "t_d1", "s1", 1, "old"),
                conversation(page, "t_d1", "s1", 2, "newer"));
        List<Message> messages = List.of(message(page, "t_d1", "m_d1", 1, "first"),
                message(page, "t_d1", "m_d1", 1, "second"));
        assertEquals(new BatchWrite(1, 0, 0, 1, 0), store.writeBatch(page, conversations, messages));
        assertEquals("newer", new ConversationBrowseQueries(db).window(ConversationFilter.page(page), ConversationSort.NEWEST_FIRST, 0, 10).get(0).lastMessage());
        assertEquals("second", queries.messages("t_d1").get(0).text());
    }

    @Test
    void tagsNotesAndFirstSyncTimeSurviveASyncUpdate() throws SQLException {
        String page = "p-tags";
        Fixtures.addPage(db, page);
        store.writeBatch(page, List.of(conversation(page, "t_tag", "s1", 1, "a")), List.of());
        execute("UPDATE messenger_conversations SET tags = '{vip,refund}', notes = 'call back', "
                + "first_synced_at = '2020-01-01Z' WHERE conversation_id = 't_tag'");
        BatchWrite w = store.writeBatch(page, List.of(conversation(page, "t_tag", "s1", 9, "b")), List.of());
        assertEquals(1, w.conversationsUpdated());
        ConversationRow row = new ConversationBrowseQueries(db).window(ConversationFilter.page(page), ConversationSort.NEWEST_FIRST, 0, 10).get(0);
        assertEquals(List.of("vip", "refund"), row.tags());
        assertEquals("call back", row.notes());
        assertEquals("b", row.lastMessage());
        assertEquals(Instant.parse("2020-01-01T00:00:00Z"), scalarInstant(
                "SELECT first_synced_at FROM messenger_conversations WHERE conversation_id = 't_tag'"));
    }

    @Test
    void missingConversationsAreMarkedOnceAndClearedWhenSeenAgain() {
        String page = "p-missing";
        Fixtures.addPage(db, page);
        Conversation kept = conversation(page, "t_k", "s1", 1, "a");
        Conversation gone = conversation(page, "t_g", "s2", 2, "b");
        store.writeBatch(page, List.of(kept, gone), List.of());

        Instant at = T0.plusSeconds(3600);
        assertEquals(1, store.markMissing(page, List.of("t_k"), at));
        assertEquals(0, store.markMissing(page, List.of("t_k"), at.plusSeconds(60)), "already marked");
        assertEquals(at, byId(page, "t_g").missingSince());
        assertNull(byId(page, "t_k").missingSince());

        // Seen again, even unchanged: the row counts as updated because missing_since is cleared.
        assertEquals(new BatchWrite(0, 1, 0, 0, 0), store.writeBatch(page, List.of(gone), List.of()));
        assertNull(byId(page, "t_g").missingSince());
    }

    @Test
    void aCustomersNewThreadDoesNotBreakUniquePageSender() {
        String page = "p-threads";
        Fixtures.addPage(db, page);
        store.writeBatch(page, List.of(conversation(page, "t_old", "psid", 1, "old thread")),
                List.of(message(page, "t_old", "m_old", 1, "old thread")));
        BatchWrite w = store.writeBatch(page, List.of(conversation(page, "t_new", "psid", 5, "new thread")),
                List.of(message(page, "t_new", "m_new", 5, "new thread")));
        assertEquals(1, w.conversationsInserted());
        assertEquals("psid", byId(page, "t_new").senderId());
        assertEquals("psid#t_old", byId(page, "t_old").senderId());

        // The old thread shows up again later in a full pass: it keeps its suffix, nothing fails.
        w = store.writeBatch(page, List.of(conversation(page, "t_old", "psid", 1, "old thread")), List.of());
        assertEquals(new BatchWrite(0, 0, 1, 0, 0), w);
        // Both threads of one customer in one batch.
        w = store.writeBatch(page, List.of(conversation(page, "t_a", "twice", 9, "a"),
                conversation(page, "t_b", "twice", 8, "b")), List.of());
        assertEquals(2, w.conversationsInserted());
        assertEquals("twice", byId(page, "t_a").senderId());
        assertEquals("twice#t_b", byId(page, "t_b").senderId());
    }

    @Test
    void twoThreadsOfOneCustomerWithTheSameTimeLeaveThePlainIdToTheOneListedFirst() {
        String page = "p-tie";
        Fixtures.addPage(db, page);
        store.writeBatch(page, List.of(conversation(page, "t_first", "tied", 4, "a"),
                conversation(page, "t_second", "tied", 4, "b")), List.of());
        assertEquals("tied", byId(page, "t_first").senderId(), "Graph lists the newest first");
        assertEquals("tied#t_second", byId(page, "t_second").senderId());
    }

    @Test
    void aBatchOfMessagesAloneIsWrittenWithTheirMicroseconds() {
        String page = "p-micros";
        Fixtures.addPage(db, page);
        store.writeBatch(page, List.of(conversation(page, "t_mu", "s1", 1, "a")), List.of());
        Instant at = T0.plusSeconds(61).plusNanos(123_456_000);
        Message m = new Message("m_mu", "t_mu", page, "u1", "Customer", false, "later", at, null, false);
        assertEquals(new BatchWrite(0, 0, 0, 1, 0), store.writeBatch(page, List.of(), List.of(m)));
        assertEquals(at, queries.messages("t_mu").get(0).createdTime());
    }

    @Test
    void emojiRtlAndFourByteTextRoundTrip() {
        String page = "p-text";
        Fixtures.addPage(db, page);
        String text = "שלום مرحبا 👩‍👩‍👧 𝕳𝖊𝖑𝖑𝖔 \uD83D\uDE00 tab\tnew\nline";
        Message m = new Message("m_u", "t_u", page, "u1", "Zoë 🙂", false, "a\u0000b " + text,
                T0, "{\"sticker\":\"🦄\"}", false);
        store.writeBatch(page, List.of(conversation(page, "t_u", "s1", 1, text)), List.of(m));
        MessageRow row = queries.messages("t_u").get(0);
        assertEquals("ab " + text, row.text());
        assertEquals("Zoë 🙂", row.fromName());
        assertTrue(row.attachmentsJson().contains("🦄"));
        assertEquals(text, byId(page, "t_u").lastMessage());
    }

    @Test
    void messageWithoutDetailsNeverOverwritesStoredDetails() {
        String page = "p-details";
        Fixtures.addPage(db, page);
        store.writeBatch(page, List.of(conversation(page, "t_x", "s1", 1, "x")),
                List.of(message(page, "t_x", "m_x", 1, "full text")));
        Message bare = new Message("m_x", "t_x", page, null, null, false, null, T0.plusSeconds(60), null, true);
        assertEquals(0, store.writeBatch(page, List.of(), List.of(bare)).messagesUpdated());
        assertEquals("full text", queries.messages("t_x").get(0).text());
    }

    @Test
    void newestStoredMessageTimesPerConversation() {
        String page = "p-newest";
        Fixtures.addPage(db, page);
        store.writeBatch(page, List.of(conversation(page, "t_n1", "s1", 9, "a"), conversation(page, "t_n2", "s2", 9, "b")),
                List.of(message(page, "t_n1", "m_n1", 1, "a"), message(page, "t_n1", "m_n2", 7, "b")));
        Map<String, Instant> newest = store.newestStoredMessageTimes(page, List.of("t_n1", "t_n2", "t_none"));
        assertEquals(Map.of("t_n1", T0.plusSeconds(7 * 60)), newest);
        assertEquals(Map.of(), store.newestStoredMessageTimes(page, List.of()));
    }

    @Test
    void writingForAnUnknownPageSaysToAddItFirst() {
        StoreException e = assertThrows(StoreException.class, () -> store.writeBatch("p-unknown",
                List.of(conversation("p-unknown", "t_z", "s", 1, "z")), List.of()));
        assertTrue(e.getMessage().contains("Add the page first"), e.getMessage());
        assertFalse(store.pageState("p-unknown").isPresent());
    }

    @Test
    void pageStateReflectsStoredPage() {
        String page = "p-state";
        Fixtures.addPage(db, page);
        store.writeBatch(page, List.of(conversation(page, "t_s", "s1", 1, "a")), List.of());
        var state = store.pageState(page).orElseThrow();
        assertNull(state.watermark());
        assertEquals(1, state.storedConversations());
        assertEquals(4, state.folders().size());
        assertNotNull(state.name());
    }

    private static ConversationRow byId(String page, String id) {
        return new ConversationBrowseQueries(db).window(ConversationFilter.page(page), ConversationSort.NEWEST_FIRST, 0, 100).stream().filter(r -> r.conversationId().equals(id)).findFirst()
                .orElseThrow();
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static Instant scalarInstant(String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        }
    }
}
