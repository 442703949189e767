package app.inboxsync.store.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Folder;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.read.PageSummary;
import app.inboxsync.store.Fixtures;
import app.inboxsync.store.TestDatabase;
import app.inboxsync.store.server.Database;
import app.inboxsync.store.write.PostgresInboxStore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Counts a Graph version no longer gives are stored as unknown (NULL), and the read side says so: the messages
 * copied stand in for the message count and the coverage, an unknown unread count is neither 0 nor unread.
 */
class UnknownCountsTest {
    private final Database db = TestDatabase.fresh();
    private final PostgresInboxStore store = new PostgresInboxStore(db);

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void unknownCountsAreNullAndTheCopiedMessagesStandInForThem() {
        Fixtures.addPage(db, "p1");
        Conversation known = Fixtures.conversation("p1", "t_known", "u1", 10, "hello");
        Conversation unknown = new Conversation("t_unknown", "p1", Folder.INBOX, "u2", "Name u2", null,
                Fixtures.T0.plusSeconds(1200), null, null, null, null, null);
        store.writeBatch("p1", List.of(known, unknown), List.of(
                Fixtures.message("p1", "t_known", "m_1", 9, "a"),
                Fixtures.message("p1", "t_unknown", "m_2", 18, "b"),
                Fixtures.message("p1", "t_unknown", "m_3", 19, "c"),
                Fixtures.message("p1", "t_unknown", "m_4", 20, "d")));

        ConversationBrowseQueries browse = new ConversationBrowseQueries(db);
        List<ConversationRow> rows = browse.window(ConversationFilter.page("p1"), ConversationSort.NEWEST_FIRST, 0, 10);
        ConversationRow u = rows.get(0);
        assertEquals("t_unknown", u.conversationId());
        assertNull(u.messageCount());
        assertNull(u.unreadCount());
        assertNull(u.lastMessage());
        assertTrue(u.messageCountIsStored());
        assertEquals(3, u.messagesShown());
        ConversationRow k = rows.get(1);
        assertEquals(2, k.messageCount());
        assertEquals(0, k.unreadCount());
        assertNull(k.storedMessages(), "only counted when Facebook gives no count");

        // sorting by unread or by messages puts the unknown last either way; unread-only leaves it out
        for (boolean descending : new boolean[] {true, false}) {
            assertEquals("t_unknown", browse.window(ConversationFilter.page("p1"),
                    new ConversationSort(ConversationSort.Column.UNREAD, descending), 0, 10).get(1).conversationId());
            assertEquals("t_unknown", browse.window(ConversationFilter.page("p1"),
                    new ConversationSort(ConversationSort.Column.MESSAGES, descending), 0, 10).get(1).conversationId());
        }
        assertEquals(0, browse.count(ConversationFilter.page("p1").withUnreadOnly(true)));

        PageSummary page = new PageRepository(db).findPage("p1").orElseThrow();
        assertEquals(1, page.uncountedConversations());
        assertEquals(2 + 3, page.reportedMessages(), "Facebook's 2, and the 3 copied for the one without a count");
        assertEquals(4, page.messages());
    }
}
