package app.inboxsync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** Faults injected by hand over HTTP, as someone trying a running demo-server would. */
class FaultRoutesTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void postedFaultsHitTheNextCallsAndDeleteClearsThem() throws Exception {
        try (GraphSimulator sim = GraphSimulator.start(SimulatorConfig.small(9))) {
            TestGraph graph = new TestGraph(sim);
            SimPage page = sim.pages().get(0);
            String listing = "/v25.0/" + page.id() + "/conversations?fields=id&access_token=" + page.token();

            assertEquals(200, admin(sim, "POST", "kind=rate-limit&count=2").statusCode());
            assertEquals(32, graph.get(listing).error().path("code").asInt());
            assertEquals(32, graph.get(listing).error().path("code").asInt());
            assertEquals(200, graph.get(listing).status(), "only the next 2 calls");

            admin(sim, "POST", "kind=reduce-data&count=5");
            assertEquals(200, admin(sim, "DELETE", "").statusCode());
            assertEquals(200, graph.get(listing).status(), "cleared");

            HttpResponse<String> bad = admin(sim, "POST", "kind=meteor");
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body().contains("drop, server-error"), bad.body());
        }
    }

    private HttpResponse<String> admin(GraphSimulator sim, String method, String query) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(sim.baseUrl() + "/_sim/faults" + (query.isEmpty() ? "" : "?" + query)))
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
