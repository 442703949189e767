package app.inboxsync.graph;

import static app.inboxsync.graph.TestGraph.PAGE;
import static app.inboxsync.graph.TestGraph.graphError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Folder;
import app.inboxsync.sync.ConversationBatch;
import app.inboxsync.sync.GraphException;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Conversations when Graph refuses one of their optional fields, or a folder, over real HTTP: what was not asked
 * for is unknown (null), not 0; without a snippet the newest message's text stands in; a refused folder is not
 * asked for again.
 */
class RefusedConversationFieldsTest {
    @RegisterExtension
    final TestGraph graph = TestGraph.perTest();

    private void refuse(String field) {
        graph.reply(400, graphError(100, 0,
                "(#100) Tried accessing nonexisting field (" + field + ") on node type (UnifiedThread)"));
    }

    private static String thread(String id, String messages) {
        return """
                {"id":"%s","updated_time":"2024-11-10T17:00:00+0000","message_count":4,"can_reply":true,
                 "messages":{"data":[%s]}}""".formatted(id, messages);
    }

    @Test
    void aRefusedUnreadCountIsUnknownAndARefusedSnippetIsTheNewestMessage() throws Exception {
        refuse("unread_count");
        refuse("snippet");
        graph.ok("{\"data\":[" + thread("t_1", """
                {"id":"m_2","created_time":"2024-11-10T17:00:00+0000","from":{"id":"9"},"message":"newest"},
                {"id":"m_1","created_time":"2024-11-10T16:00:00+0000","from":{"id":"9"},"message":"older"}""")
                + "," + thread("t_2", "") + "]}");

        ConversationBatch batch = graph.client().conversations(PAGE, Folder.INBOX, 25, 10, null);
        List<Conversation> cs = batch.conversations().stream().map(f -> f.conversation()).toList();

        assertEquals(3, batch.httpCalls(), "the two refused requests count as calls");

        graph.take();
        graph.take();
        RecordedRequest third = graph.take();
        String fields = third.getUrl().queryParameter("fields");
        assertFalse(fields.contains("unread_count") || fields.contains("snippet"), fields);
        assertNull(cs.get(0).unreadCount(), "not asked for: unknown, not 0");
        assertEquals(4, cs.get(0).messageCount(), "asked for and given");
        assertTrue(cs.get(0).canReply());
        assertEquals("newest", cs.get(0).snippet());
        assertNull(cs.get(1).snippet(), "no snippet and no message: nothing stands in");
        assertNull(cs.get(1).unreadCount());
    }

    @Test
    void aFolderThisVersionRefusesIsSkippedWithASentenceAndNotAskedForAgain() {
        graph.reply(400, graphError(100, 0, "(#100) param folder must be one of {INBOX, OTHER, PAGE_DONE}"));
        GraphClient client = graph.client();

        GraphException first = assertThrows(GraphException.class,
                () -> client.conversations(PAGE, Folder.SPAM, 25, 10, null));
        GraphException again = assertThrows(GraphException.class,
                () -> client.conversations(PAGE, Folder.SPAM, 25, 10, null));

        assertEquals(GraphException.Kind.FOLDER_REFUSED, first.kind());
        assertTrue(first.getMessage().startsWith("Facebook v25.0 no longer serves the spam folder of Page 111"),
                first.getMessage());
        assertEquals(first.getMessage(), again.getMessage());
        assertEquals(1, graph.requests(), "known from the first call: not asked again");
    }

    @Test
    void aFolderRefusalThatListsTheFolderAskedForIsAnotherProblem() {
        graph.reply(400, graphError(100, 0, "(#100) param folder must be one of {INBOX, OTHER, SPAM}"));
        GraphClient client = graph.client();

        GraphException e = assertThrows(GraphException.class,
                () -> client.conversations(PAGE, Folder.SPAM, 25, 10, null));

        assertEquals(GraphException.Kind.INVALID_REQUEST, e.kind(), e.getMessage());
        graph.ok("{\"data\":[]}");
        assertEquals(List.of(), client.conversations(PAGE, Folder.SPAM, 25, 10, null).conversations(),
                "the folder is not remembered as refused");
        assertEquals(2, graph.requests());
    }
}
