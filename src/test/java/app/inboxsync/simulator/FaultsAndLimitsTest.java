package app.inboxsync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Injected faults, the per-Page rate limit, batch requests and request accounting. */
class FaultsAndLimitsTest {

    GraphSimulator sim;
    TestGraph graph;
    SimPage page;

    @BeforeEach
    void start() {
        sim = GraphSimulator.start(SimulatorConfig.small(3));
        graph = new TestGraph(sim);
        page = sim.pages().get(0);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private String listing() {
        return "/v25.0/" + page.id() + "/conversations?fields=id,updated_time&limit=10&access_token=" + page.token();
    }

    @Test
    void graphErrorAndServerErrorFaults() {
        sim.faults().failNext(1, new Fault.GraphError(500, 2, 0, "temporary"));
        TestGraph.Answer a = graph.get(listing());
        assertEquals(500, a.status());
        assertEquals(2, a.error().path("code").asInt());
        sim.faults().failNext(1, new Fault.ServerError(502));
        TestGraph.Answer b = graph.get(listing());
        assertEquals(502, b.status());
        assertTrue(b.json().isMissingNode(), "not JSON");
        assertEquals(200, graph.get(listing()).status());
    }

    @Test
    void faultsWithPredicateOnlyHitMatchingCalls() {
        sim.faults().failNext(1, new Fault.GraphError(400, 1, 0, "Please reduce the amount of data you're asking for, "
                + "then retry your request"), r -> r.path().endsWith("/messages"));
        assertEquals(200, graph.get(listing()).status());
        String conv = sim.conversations(page.id()).get(0).id();
        assertEquals(1, graph.get("/" + conv + "/messages?access_token=" + page.token()).json().path("error").path("code").asInt());
    }

    @Test
    void droppedConnectionMalformedJsonAndDelay() throws Exception {
        sim.faults().failNext(1, new Fault.DropConnection());
        try (Socket socket = new Socket("127.0.0.1", URI.create(sim.baseUrl()).getPort())) {
            socket.setSoTimeout(2000);
            socket.getOutputStream().write(("GET " + listing() + " HTTP/1.1\r\nHost: x\r\n\r\n").getBytes());
            assertEquals(-1, socket.getInputStream().read(), "closed without any response");
        }
        sim.faults().failNext(1, new Fault.MalformedJson());
        TestGraph.Answer broken = graph.get(listing());
        assertEquals(200, broken.status());
        assertTrue(broken.json().isMissingNode(), broken.response().body());
        sim.faults().failNext(1, new Fault.Delay(Duration.ofMillis(600)));
        HttpRequest slow = HttpRequest.newBuilder(URI.create(sim.baseUrl() + listing())).timeout(Duration.ofMillis(150)).build();
        assertThrows(HttpTimeoutException.class,
                () -> HttpClient.newHttpClient().send(slow, HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void shuffledOrderOnlyAffectsConversationListings() {
        sim.faults().failNext(1, new Fault.ShuffledOrder());
        assertEquals(200, graph.get("/me?access_token=" + page.token()).status());
        List<String> times = new ArrayList<>();
        graph.get(listing()).json().path("data").forEach(c -> times.add(c.path("updated_time").asText()));
        assertNotEquals(times.stream().sorted(java.util.Comparator.reverseOrder()).toList(), times);
        List<String> normal = new ArrayList<>();
        graph.get(listing()).json().path("data").forEach(c -> normal.add(c.path("updated_time").asText()));
        assertEquals(normal.stream().sorted(java.util.Comparator.reverseOrder()).toList(), normal);
    }

    @Test
    void rateLimitAnswersCode32Or80001WithUsageHeaders() {
        sim.setRate(2);
        List<TestGraph.Answer> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(graph.get(listing()));
        }
        assertEquals(200, answers.get(0).status());
        assertTrue(answers.get(0).response().headers().firstValue("X-Page-Usage").isPresent());
        TestGraph.Answer throttled = answers.get(3);
        assertEquals(400, throttled.status());
        assertEquals(32, throttled.error().path("code").asInt());
        String usage = throttled.response().headers().firstValue("X-Business-Use-Case-Usage").orElseThrow();
        assertTrue(usage.contains(page.id()) && usage.contains("\"call_count\":100"), usage);
        SimPage odd = sim.pages().get(1);
        int code = 0;
        for (int i = 0; i < 4; i++) {
            code = graph.get("/me?access_token=" + odd.token()).error().path("code").asInt();
        }
        assertEquals(80001, code);
    }

    @Test
    void batchAnswersEachSubRequestAndCountsThem() throws Exception {
        String conv = sim.conversations(page.id()).stream().filter(c -> c.messageCount() > 2).findFirst().orElseThrow().id();
        String batch = "[{\"method\":\"GET\",\"relative_url\":\"me?fields=id\"},"
                + "{\"method\":\"GET\",\"relative_url\":\"" + conv + "/messages?fields=id&limit=2\"},"
                + "{\"method\":\"GET\",\"relative_url\":\"me?fields=nope\"}]";
        long before = sim.requestCount();
        TestGraph.Answer a = graph.postForm("/v25.0/", "access_token", page.token(), "batch", batch);
        assertEquals(200, a.status(), a.response().body());
        assertEquals(3, a.json().size());
        assertEquals(200, a.json().get(0).path("code").asInt());
        JsonNode me = TestGraph.MAPPER.readTree(a.json().get(0).path("body").asText());
        assertEquals(page.id(), me.path("id").asText());
        JsonNode messages = TestGraph.MAPPER.readTree(a.json().get(1).path("body").asText());
        assertEquals(2, messages.path("data").size());
        assertTrue(!messages.path("paging").path("next").asText().contains("access_token"));
        assertEquals(400, a.json().get(2).path("code").asInt());
        assertEquals(before + 3, sim.requestCount());

        StringBuilder tooMany = new StringBuilder("[");
        for (int i = 0; i < 51; i++) {
            tooMany.append(i == 0 ? "" : ",").append("{\"method\":\"GET\",\"relative_url\":\"me\"}");
        }
        TestGraph.Answer rejected = graph.postForm("/", "access_token", page.token(), "batch", tooMany + "]");
        assertEquals(100, rejected.error().path("code").asInt());
    }

    @Test
    void listenersSeeEveryCallInOrder() {
        List<RequestInfo> seen = new CopyOnWriteArrayList<>();
        sim.addListener(seen::add);
        graph.get(listing());
        graph.get("/me?access_token=" + sim.userToken());
        assertEquals(2, seen.size());
        assertEquals("/" + page.id() + "/conversations", seen.get(0).path());
        assertEquals(page.id(), seen.get(0).pageId());
        assertEquals(seen.get(0).sequence() + 1, seen.get(1).sequence());
        assertEquals(1, sim.requestCount(page.id()));
    }

    @Test
    void randomFaultsAreRepeatable() {
        sim.faults().failRandomly(0.5, new Fault.GraphError(500, 2, 0, "temporary"), 99);
        List<Integer> first = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            first.add(graph.get(listing()).status());
        }
        sim.faults().clear();
        sim.faults().failRandomly(0.5, new Fault.GraphError(500, 2, 0, "temporary"), 99);
        List<Integer> second = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            second.add(graph.get(listing()).status());
        }
        assertEquals(first, second);
        assertTrue(first.contains(500) && first.contains(200));
    }
}
