package app.inboxsync.graph;

import static app.inboxsync.graph.TestGraph.CANARY;
import static app.inboxsync.graph.TestGraph.PAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.PageGrant;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.domain.Secret;
import app.inboxsync.sync.ConversationBatch;
import app.inboxsync.sync.Cursor;
import app.inboxsync.sync.GraphException;
import app.inboxsync.sync.MessageBatch;
import java.util.List;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GraphClientPagingTest {
    private TestGraph graph;

    @BeforeEach
    void start() throws Exception {
        graph = new TestGraph();
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    static String conversation(String id, String nestedNext) {
        String paging = nestedNext == null ? "" : ",\"paging\":{\"next\":\"" + nestedNext + "\"}";
        return """
                {"id":"%s","updated_time":"2024-11-10T17:00:00+0000","message_count":3,"unread_count":1,
                 "snippet":"hi","can_reply":true,"link":"/111/inbox/%s",
                 "participants":{"data":[{"name":"Ann","email":"9@facebook.com","id":"9"},
                                         {"name":"Shop","email":"111@facebook.com","id":"111"}]},
                 "messages":{"data":[{"id":"m_%s","created_time":"2024-11-10T17:00:00+0000",
                   "from":{"name":"Ann","id":"9"},"message":"hello"}]%s}}""".formatted(id, id, id, paging);
    }

    @Test
    void firstPageAsksForTheFolderLimitAndNestedFieldsWithTheTokenInTheHeader() throws Exception {
        graph.ok("{\"data\":[" + conversation("t_1", null) + "]}");

        ConversationBatch batch = graph.client().conversations(PAGE, Folder.SPAM, 25, 10, null);

        RecordedRequest r = graph.take();
        assertEquals("GET", r.getMethod());
        assertEquals("/v25.0/111/conversations", r.getUrl().encodedPath());
        assertEquals("messenger", r.getUrl().queryParameter("platform"));
        assertEquals("spam", r.getUrl().queryParameter("folder"));
        assertEquals("25", r.getUrl().queryParameter("limit"));
        assertEquals("id,updated_time,participants,message_count,unread_count,snippet,can_reply,link,"
                + "messages.limit(10){id,created_time,from,to,message,attachments,sticker,shares}",
                r.getUrl().queryParameter("fields"));
        assertEquals("Bearer " + CANARY, r.getHeaders().get("Authorization"));
        assertFalse(r.getTarget().contains(CANARY));
        assertNull(r.getUrl().queryParameter("appsecret_proof"), "no proof without an app secret");
        assertEquals(1, batch.conversations().size());
        assertEquals(Folder.SPAM, batch.conversations().get(0).conversation().folder());
        assertNull(batch.next(), "no paging.next: the listing ends");
        assertEquals(1, batch.httpCalls());
    }

    @Test
    void followsNextExactlyWithoutItsAccessTokenAndStopsOnlyWhenNextIsMissing() throws Exception {
        String query = "platform=messenger&folder=inbox&limit=25&fields=id%2Cupdated_time"
                + "&after=QVFIUmx1WkVa%3D%3D&pretty=0";
        String next = graph.url("/v25.0/111/conversations?access_token=" + CANARY + "&" + query);
        // A short page (1 of 25) with a next link is not the end.
        graph.ok("{\"data\":[" + conversation("t_1", null) + "],\"paging\":{\"cursors\":{\"after\":\"x\"},"
                + "\"next\":\"" + next + "\"}}");
        graph.ok("{\"data\":[" + conversation("t_2", null) + "],\"paging\":{\"cursors\":{\"after\":\"y\"}}}");
        GraphClient client = graph.client();

        ConversationBatch first = client.conversations(PAGE, Folder.INBOX, 25, 10, null);
        assertNotNull(first.next());
        ConversationBatch second = client.conversations(PAGE, Folder.INBOX, 25, 10, first.next());

        graph.take();
        RecordedRequest r = graph.take();
        assertEquals("/v25.0/111/conversations?" + query, r.getTarget());
        assertEquals("t_2", second.conversations().get(0).conversation().id());
        assertNull(second.next());
    }

    @Test
    void aFollowedNextLinkCarriesTheLimitAskedForNotTheOneOfThePageBefore() throws Exception {
        // Graph's next link repeats the limit of the page it came from (25); the engine asks for 50, then 100.
        String next = graph.url("/v25.0/111/conversations?platform=messenger&folder=inbox&limit=25"
                + "&fields=id%2Cupdated_time&after=QVFI");
        String noLimit = graph.url("/v25.0/111/conversations?folder=inbox&after=QVFJ");
        graph.ok("{\"data\":[" + conversation("t_1", null) + "],\"paging\":{\"next\":\"" + next + "\"}}");
        graph.ok("{\"data\":[" + conversation("t_2", null) + "],\"paging\":{\"next\":\"" + noLimit + "\"}}");
        graph.ok("{\"data\":[]}");
        GraphClient client = graph.client();

        ConversationBatch first = client.conversations(PAGE, Folder.INBOX, 25, 10, null);
        ConversationBatch second = client.conversations(PAGE, Folder.INBOX, 50, 10, first.next());
        client.conversations(PAGE, Folder.INBOX, 100, 10, second.next());

        assertEquals("25", graph.take().getUrl().queryParameter("limit"));
        assertEquals("/v25.0/111/conversations?platform=messenger&folder=inbox&limit=50&fields=id%2Cupdated_time"
                + "&after=QVFI", graph.take().getTarget(), "only the limit changed, in its place");
        assertEquals("/v25.0/111/conversations?folder=inbox&after=QVFJ&limit=100", graph.take().getTarget(),
                "a link without a limit gets one");
    }

    @Test
    void nestedMessagesCursorLeadsToTheConversationsMessagesEdge() throws Exception {
        String nestedNext = graph.url("/v25.0/t_1/messages?access_token=" + CANARY
                + "&limit=10&fields=id%2Ccreated_time&after=QVFI");
        graph.ok("{\"data\":[" + conversation("t_1", nestedNext) + "]}");
        String page3 = graph.url("/v25.0/t_1/messages?limit=10&fields=id%2Ccreated_time&after=QVFJ");
        graph.ok("""
                {"data":[{"id":"m_2","created_time":"2024-11-09T10:00:00+0000","from":{"id":"111","name":"Shop"},
                  "message":"older"}],"paging":{"next":"%s"}}""".formatted(page3));
        graph.ok("{\"data\":[]}");
        GraphClient client = graph.client();

        Cursor more = client.conversations(PAGE, Folder.INBOX, 25, 10, null).conversations().get(0).moreMessages();
        assertNotNull(more);
        MessageBatch older = client.messages(PAGE, "t_1", more);
        MessageBatch end = client.messages(PAGE, "t_1", older.next());

        graph.take();
        assertEquals("/v25.0/t_1/messages?limit=10&fields=id%2Ccreated_time&after=QVFI", graph.take().getTarget());
        assertEquals("/v25.0/t_1/messages?limit=10&fields=id%2Ccreated_time&after=QVFJ", graph.take().getTarget());
        assertEquals("m_2", older.messages().get(0).id());
        assertTrue(older.messages().get(0).fromPage());
        assertEquals("t_1", older.messages().get(0).conversationId());
        assertNotNull(older.next());
        assertTrue(end.messages().isEmpty());
        assertNull(end.next());
    }

    @Test
    void messagesWithoutCursorStartAtTheNewest() throws Exception {
        graph.ok("{\"data\":[]}");
        graph.client().messages(PAGE, "t_9", null);
        RecordedRequest r = graph.take();
        assertEquals("/v25.0/t_9/messages", r.getUrl().encodedPath());
        assertEquals("100", r.getUrl().queryParameter("limit"));
    }

    @Test
    void aNextLinkToAnotherServerIsRefusedSoTheTokenStaysHome() {
        Cursor elsewhere = Cursor.ofNullable("https://evil.example.com/v25.0/111/conversations?after=x");
        GraphException e = assertThrows(GraphException.class,
                () -> graph.client().conversations(PAGE, Folder.INBOX, 25, 10, elsewhere));
        assertEquals(GraphException.Kind.MALFORMED, e.kind());
        assertEquals(0, graph.requests());
    }

    @Test
    void identifyPageAsksMeForIdNameCategory() throws Exception {
        graph.ok("{\"id\":\"111\",\"name\":\"Shop\",\"category\":\"Retail\"}");
        PageProfile profile = graph.client().identifyPage(Secret.of(CANARY));
        assertEquals(new PageProfile("111", "Shop", "Retail"), profile);
        RecordedRequest r = graph.take();
        assertEquals("/v25.0/me?fields=id%2Cname%2Ccategory", r.getTarget());
        assertEquals("Bearer " + CANARY, r.getHeaders().get("Authorization"));
    }

    @Test
    void listPagesCollectsEveryPageOfMeAccounts() throws Exception {
        String second = graph.url("/v25.0/me/accounts?access_token=" + CANARY + "&limit=100&after=A2");
        String third = graph.url("/v25.0/me/accounts?limit=100&after=A3");
        graph.ok("""
                {"data":[{"id":"1","name":"One","category":"Shop","access_token":"PAGE_TOKEN_1"},
                         {"id":"2","name":"Two","category":"Shop","access_token":"PAGE_TOKEN_2"}],
                 "paging":{"next":"%s"}}""".formatted(second));
        graph.ok("""
                {"data":[{"id":"3","name":"Three","category":"Blog","access_token":"PAGE_TOKEN_3"}],
                 "paging":{"next":"%s"}}""".formatted(third));
        graph.ok("{\"data\":[{\"id\":\"4\",\"name\":\"Four\",\"access_token\":\"PAGE_TOKEN_4\"},"
                + "{\"id\":\"5\",\"name\":\"No token here\"}],\"paging\":{}}");

        List<PageGrant> grants = graph.client().listPages(Secret.of(CANARY)).grants();

        assertEquals(List.of("1", "2", "3", "4"), grants.stream().map(g -> g.page().id()).toList());
        assertEquals(Secret.of("PAGE_TOKEN_3"), grants.get(2).pageToken());
        RecordedRequest r1 = graph.take();
        assertEquals("/v25.0/me/accounts", r1.getUrl().encodedPath());
        assertEquals("id,name,category,access_token,tasks", r1.getUrl().queryParameter("fields"));
        assertEquals("100", r1.getUrl().queryParameter("limit"));
        assertEquals("/v25.0/me/accounts?limit=100&after=A2", graph.take().getTarget());
        assertEquals("/v25.0/me/accounts?limit=100&after=A3", graph.take().getTarget());
    }

    @Test
    void appSecretProofIsTheHexHmacOfTheTokenOnEveryCall() throws Exception {
        // Reference value: printf %s CANARY_TOKEN_4f1d2c | openssl dgst -sha256 -hmac app-secret-xyz
        String expected = "e3b1ddccb69015f8450bea2876c258defa1ff305fa6dbe975f6048530ad1b1be";
        graph.ok("{\"data\":[],\"paging\":{\"next\":\"" + graph.url("/v25.0/111/conversations?after=Z"
                + "&appsecret_proof=stale") + "\"}}");
        graph.ok("{\"data\":[]}");
        GraphClient client = graph.client(graph.settings().withAppSecret(Secret.of("app-secret-xyz")));

        Cursor next = client.conversations(PAGE, Folder.INBOX, 25, 10, null).next();
        client.conversations(PAGE, Folder.INBOX, 25, 10, next);

        String proof = AppSecretProof.of(Secret.of("app-secret-xyz"), Secret.of(CANARY));
        assertEquals(expected, proof);
        assertEquals(proof, graph.take().getUrl().queryParameter("appsecret_proof"));
        assertEquals(List.of(proof), graph.take().getUrl().queryParameterValues("appsecret_proof"));
    }
}
