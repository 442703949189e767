package app.inboxsync.store.read;

import static app.inboxsync.store.Fixtures.conversation;
import static app.inboxsync.store.Fixtures.message;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.read.MessageRow;
import app.inboxsync.store.Fixtures;
import app.inboxsync.store.TestDatabase;
import app.inboxsync.store.server.Database;
import app.inboxsync.store.write.PostgresInboxStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConversationQueriesTest {
    private static final String PAGE = "p-q";
    private static Database db;
    private static ConversationQueries queries;

    @BeforeAll
    static void open() {
        db = TestDatabase.fresh();
        queries = new ConversationQueries(db);
        Fixtures.addPage(db, PAGE);
        Fixtures.addPage(db, "p-other");
        PostgresInboxStore store = new PostgresInboxStore(db);
        store.writeBatch(PAGE,
                List.of(conversation(PAGE, "t_1", "anna", 1, "Is the BLUE dress in stock?"),
                        conversation(PAGE, "t_2", "bob", 3, "thanks"),
                        conversation(PAGE, "t_3", "carla", 2, "100% sure")),
                List.of(message(PAGE, "t_2", "m_2b", 3, "thanks"), message(PAGE, "t_2", "m_2a", 1, "Refund please 🙏"),
                        message(PAGE, "t_3", "m_3", 2, "100% sure")));
        store.writeBatch("p-other", List.of(conversation("p-other", "t_o", "zed", 1, "blue")), List.of());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void theCommandLinesListIsTheBrowsersWindowNewestFirst() {
        assertEquals(List.of("t_2", "t_3", "t_1"), ids(list(null, 10)));
        assertEquals(List.of("t_2"), ids(list("  ", 1)));
    }

    @Test
    void searchMatchesWordStartsInNamesSnippetsAndMessageTextsIgnoringCase() {
        assertEquals(List.of("t_1"), ids(list("blue", 10)), "snippet, one page only");
        assertEquals(List.of("t_3"), ids(list("name CARLA", 10)), "sender name");
        assertEquals(List.of("t_2"), ids(list("REFUND", 10)), "an older message's text");
        assertEquals(List.of("t_2"), ids(list("ref", 10)), "a word's start");
        assertEquals(List.of(), ids(list("fund", 10)), "not the middle of a word");
    }

    private static List<ConversationRow> list(String search, int limit) {
        return new ConversationBrowseQueries(db).window(ConversationFilter.page(PAGE).withSearch(search),
                ConversationSort.NEWEST_FIRST, 0, limit);
    }

    @Test
    void threadIsOldestFirst() {
        assertEquals(List.of("m_2a", "m_2b"), queries.messages("t_2").stream().map(MessageRow::messageId).toList());
    }

    @Test
    void exportStreamsEveryConversationWithItsMessages() {
        List<String> seen = new ArrayList<>();
        queries.forEachConversation(PAGE, (conversation, messages) -> seen.add(conversation.conversationId() + ":"
                + String.join(",", messages.stream().map(MessageRow::messageId).toList())));
        assertEquals(List.of("t_2:m_2a,m_2b", "t_3:m_3", "t_1:"), seen);
    }

    private static List<String> ids(List<ConversationRow> rows) {
        return rows.stream().map(ConversationRow::conversationId).toList();
    }
}
