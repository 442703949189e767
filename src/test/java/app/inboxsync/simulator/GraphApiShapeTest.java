package app.inboxsync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Field selection, limits, tokens, identities and error bodies as Graph gives them. */
class GraphApiShapeTest {

    static GraphSimulator sim;
    static TestGraph graph;
    static SimPage page;

    @BeforeAll
    static void start() {
        sim = GraphSimulator.start(SimulatorConfig.small(7).withPages(30).withConversations(200));
        graph = new TestGraph(sim);
        page = sim.pages().get(0);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    private String conversations(String query) {
        return "/v25.0/" + page.id() + "/conversations?" + query + "&access_token=" + page.token();
    }

    @Test
    void onlyRequestedFieldsComeBack() {
        JsonNode c = graph.get(conversations("fields=id,message_count&limit=3")).json().path("data").get(0);
        assertEquals(Set.of("id", "message_count"), fieldNames(c));
        JsonNode nested = graph.get(conversations("fields=" + TestGraph.enc("id,messages.limit(2){id,from}"))).json()
                .path("data").get(0).path("messages");
        assertTrue(nested.path("data").size() <= 2);
        assertEquals(Set.of("id", "from"), fieldNames(nested.path("data").get(0)));
        JsonNode from = nested.path("data").get(0).path("from");
        assertEquals(from.path("id").asText() + "@facebook.com", from.path("email").asText());
    }

    @Test
    void unknownFieldIsError100() {
        TestGraph.Answer a = graph.get(conversations("fields=id,foo"));
        assertEquals(400, a.status());
        assertEquals(100, a.error().path("code").asInt());
        assertEquals("(#100) Tried accessing nonexisting field (foo) on node type (UnifiedThread)",
                a.error().path("message").asText());
        assertFalse(a.error().path("fbtrace_id").asText().isEmpty());
        TestGraph.Answer nested = graph.get(conversations("fields=" + TestGraph.enc("messages{id,bar}")));
        assertEquals("(#100) Tried accessing nonexisting field (bar) on node type (Message)",
                nested.error().path("message").asText());
    }

    @Test
    void limitDefaultsTo25AndIsCappedAt100() {
        assertEquals(25, graph.get(conversations("fields=id")).json().path("data").size());
        assertEquals(100, graph.get(conversations("fields=id&limit=500")).json().path("data").size());
        JsonNode longOne = null;
        for (JsonNode c : graph.get(conversations("fields=id,message_count&limit=100")).json().path("data")) {
            if (c.path("message_count").asInt() > 100) {
                longOne = c;
            }
        }
        String id = longOne.path("id").asText();
        JsonNode messages = graph.get("/v25.0/" + id + "/messages?limit=1000&access_token=" + page.token()).json();
        assertEquals(100, messages.path("data").size());
        assertTrue(messages.path("paging").path("next").asText().contains("/v25.0/" + id + "/messages?"));
    }

    @Test
    void timesHaveGraphFormat() {
        String time = graph.get(conversations("fields=updated_time")).json().path("data").get(0)
                .path("updated_time").asText();
        assertTrue(time.matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+0000"), time);
    }

    @Test
    void tokenErrors() {
        TestGraph.Answer unknown = graph.get("/v25.0/me?access_token=nonsense");
        assertEquals(400, unknown.status());
        assertEquals(190, unknown.error().path("code").asInt());
        assertEquals("OAuthException", unknown.error().path("type").asText());
        TestGraph.Answer missing = graph.get("/v25.0/me");
        assertEquals(104, missing.error().path("code").asInt());
        SimPage other = sim.pages().get(1);
        TestGraph.Answer foreign = graph.get("/v25.0/" + other.id() + "/conversations?access_token=" + page.token());
        assertEquals(200, foreign.error().path("code").asInt());
    }

    @Test
    void revokedTokenAnswers190WithSubcode() {
        SimPage revoked = sim.pages().get(5);
        assertEquals(200, graph.get("/me?access_token=" + revoked.token()).status());
        sim.revokeToken(revoked.id(), 460);
        TestGraph.Answer a = graph.get("/v25.0/me?access_token=" + revoked.token());
        assertEquals(190, a.error().path("code").asInt());
        assertEquals(460, a.error().path("error_subcode").asInt());
    }

    @Test
    void headerTokensWork() {
        for (String scheme : List.of("Bearer ", "OAuth ")) {
            JsonNode me = TestGraph.send(HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/v26.0/me?fields=id,name,category"))
                    .header("Authorization", scheme + page.token()).build()).json();
            assertEquals(page.id(), me.path("id").asText());
            assertEquals(page.category(), me.path("category").asText());
        }
    }

    @Test
    void pageTokensDoNotLookReal() {
        for (SimPage p : sim.pages()) {
            assertFalse(p.token().matches(".*EAA[A-Za-z0-9]{30,}.*"));
            assertTrue(p.id().matches("\\d{15,}"));
        }
        assertTrue(sim.userToken().startsWith("SIMUSER"));
        assertFalse(page.toString().contains(page.token()));
    }

    @Test
    void accountsListEveryPageWithPaging() {
        List<JsonNode> all = new ArrayList<>();
        String url = sim.baseUrl() + "/v25.0/me/accounts?fields=id,name,category,access_token&access_token="
                + sim.userToken();
        int requests = 0;
        while (url != null) {
            JsonNode answer = graph.getUrl(url).json();
            answer.path("data").forEach(all::add);
            url = answer.path("paging").path("next").asText(null);
            requests++;
        }
        assertEquals(2, requests, "30 pages at 25 a page");
        assertEquals(sim.pages().size(), all.size());
        for (int i = 0; i < all.size(); i++) {
            assertEquals(sim.pages().get(i).token(), all.get(i).path("access_token").asText());
        }
    }

    @Test
    void singleObjectsById() {
        SimConversation c = sim.conversations(page.id()).get(3);
        JsonNode conv = graph.get("/v25.0/" + c.id() + "?fields=id,message_count&access_token=" + page.token()).json();
        assertEquals(c.messageCount(), conv.path("message_count").asInt());
        SimMessage m = sim.messages(c.id()).get(0);
        JsonNode msg = graph.get("/" + m.id() + "?fields=id,created_time&access_token=" + page.token()).json();
        assertEquals(m.id(), msg.path("id").asText());
        TestGraph.Answer missing = graph.get("/v25.0/t_123?access_token=" + page.token());
        assertEquals(100, missing.error().path("code").asInt());
        assertEquals(33, missing.error().path("error_subcode").asInt());
    }

    @Test
    void participantsIncludeThePageAndIdsAreUnique() {
        Set<String> ids = new HashSet<>();
        for (SimPage p : sim.pages().subList(0, 3)) {
            for (SimConversation c : sim.conversations(p.id())) {
                assertTrue(ids.add(c.id()));
                assertTrue(c.id().matches("t_\\d+"));
                sim.messages(c.id()).forEach(m -> assertTrue(ids.add(m.id()), m.id()));
            }
        }
        JsonNode participants = graph.get(conversations("fields=participants&limit=1")).json().path("data").get(0)
                .path("participants").path("data");
        assertEquals(2, participants.size());
        assertTrue(participants.findValuesAsText("id").contains(page.id()));
    }

    @Test
    void lastPageHasNoNext() {
        JsonNode spam = graph.get(conversations("folder=spam&fields=id&limit=100")).json();
        assertFalse(spam.path("data").isEmpty());
        assertNull(spam.path("paging").path("next").asText(null));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new HashSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
