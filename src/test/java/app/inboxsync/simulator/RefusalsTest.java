package app.inboxsync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The simulator refuses fields and folders by name, exactly as a newer Graph version answers. */
class RefusalsTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void aRefusedFieldFailsTheWholeCallWithGraphsError100OnEveryEdge() {
        try (GraphSimulator sim = GraphSimulator.start(SimulatorConfig.small(11))) {
            TestGraph graph = new TestGraph(sim);
            SimPage page = sim.pages().get(0);
            String token = "&access_token=" + page.token();
            String listing = "/v25.0/" + page.id() + "/conversations?fields="
                    + TestGraph.enc("id,unread_count,messages.limit(2){id,sticker}") + token;
            assertEquals(200, graph.get(listing).status());
            String conversationId = graph.get(listing).json().path("data").get(0).path("id").asText();

            sim.refusals().refuseField(Refusals.Edge.CONVERSATIONS, "unread_count");
            assertRefused(graph.get(listing), "unread_count", "UnifiedThread");
            assertRefused(graph.get("/v25.0/" + conversationId + "?fields=id,unread_count" + token), "unread_count",
                    "UnifiedThread");
            assertEquals(200, graph.get("/v25.0/" + page.id() + "/conversations?fields=id" + token).status(),
                    "a call that does not name the field is answered");

            sim.refusals().clear();
            sim.refusals().refuseField(Refusals.Edge.NESTED_MESSAGES, "sticker");
            assertRefused(graph.get(listing), "sticker", "Message");
            String edge = "/v25.0/" + conversationId + "/messages?fields=id,sticker" + token;
            assertEquals(200, graph.get(edge).status(), "only nested messages refuse it");
            sim.refusals().refuseMessageField("sticker");
            assertRefused(graph.get(edge), "sticker", "Message");

            sim.refusals().refuseField(Refusals.Edge.ME, "category");
            assertRefused(graph.get("/v25.0/me?fields=id,name,category" + token), "category", "Page");
            assertRefused(graph.get("/v25.0/me?fields=category&access_token=" + sim.userToken()), "category", "User");
            sim.refusals().refuseField(Refusals.Edge.ACCOUNTS, "tasks");
            assertRefused(graph.get("/v25.0/me/accounts?fields=id,tasks&access_token=" + sim.userToken()), "tasks", "Page");
        }
    }

    @Test
    void aRuleForOneGraphVersionLeavesTheOthersServingTheField() {
        try (GraphSimulator sim = GraphSimulator.start(SimulatorConfig.small(11))) {
            TestGraph graph = new TestGraph(sim);
            SimPage page = sim.pages().get(0);
            sim.refusals().refuseField(Refusals.Edge.CONVERSATIONS, "message_count", "v26.0");
            String query = "/" + page.id() + "/conversations?fields=id,message_count&access_token=" + page.token();
            assertRefused(graph.get("/v26.0" + query), "message_count", "UnifiedThread");
            assertEquals(200, graph.get("/v25.0" + query).status());
        }
    }

    @Test
    void aRefusedFolderIsAnInvalidFolderParameterWhileTheOtherFoldersList() {
        try (GraphSimulator sim = GraphSimulator.start(SimulatorConfig.small(11))) {
            TestGraph graph = new TestGraph(sim);
            SimPage page = sim.pages().get(0);
            sim.refusals().refuseFolder("spam");
            String listing = "/v25.0/" + page.id() + "/conversations?fields=id&access_token=" + page.token() + "&folder=";
            TestGraph.Answer spam = graph.get(listing + "spam");
            assertEquals(400, spam.status());
            assertEquals(100, spam.error().path("code").asInt());
            assertEquals("(#100) param folder must be one of {INBOX, OTHER, PAGE_DONE}", spam.error().path("message").asText());
            assertEquals(200, graph.get(listing + "inbox").status());
        }
    }

    @Test
    void rulesAreSetListedAndClearedOverHttp() throws Exception {
        try (GraphSimulator sim = GraphSimulator.start(SimulatorConfig.small(11))) {
            TestGraph graph = new TestGraph(sim);
            SimPage page = sim.pages().get(0);
            String listing = "/v25.0/" + page.id() + "/conversations?fields=id,snippet&access_token=" + page.token();
            assertEquals(200, admin(sim, "POST", "edge=conversations&field=snippet").statusCode());
            assertEquals(200, admin(sim, "POST", "folder=other").statusCode());
            assertRefused(graph.get(listing), "snippet", "UnifiedThread");
            String rules = admin(sim, "GET", "").body();
            assertTrue(rules.contains("field snippet on conversations") && rules.contains("folder other"), rules);
            assertEquals(400, admin(sim, "POST", "edge=nowhere&field=x").statusCode());
            assertEquals(400, admin(sim, "POST", "folder=attic").statusCode());
            assertEquals(200, admin(sim, "DELETE", "").statusCode());
            assertEquals(200, graph.get(listing).status());
            assertFalse(admin(sim, "GET", "").body().contains("snippet"));
        }
    }

    private static void assertRefused(TestGraph.Answer a, String field, String nodeType) {
        assertEquals(400, a.status(), a.json().toString());
        assertEquals(100, a.error().path("code").asInt());
        assertEquals("OAuthException", a.error().path("type").asText());
        assertEquals("(#100) Tried accessing nonexisting field (" + field + ") on node type (" + nodeType + ")",
                a.error().path("message").asText());
        assertFalse(a.error().path("fbtrace_id").asText().isEmpty());
    }

    private HttpResponse<String> admin(GraphSimulator sim, String method, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_sim/refusals" + (query.isEmpty() ? "" : "?" + query)))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
