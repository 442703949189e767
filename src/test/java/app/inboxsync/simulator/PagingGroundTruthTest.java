package app.inboxsync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Walking every folder and every message page over HTTP yields exactly the ground truth. */
class PagingGroundTruthTest {

    private static final String FIELDS = "id,updated_time,participants,message_count,unread_count,snippet,can_reply,"
            + "link,messages.limit(7){id,created_time,from,to,message,attachments,sticker,shares}";

    static GraphSimulator sim;
    static TestGraph graph;

    @BeforeAll
    static void start() {
        sim = GraphSimulator.start(SimulatorConfig.small(42).withAverageMessages(20));
        graph = new TestGraph(sim);
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void everyFolderAndEveryMessagePageAddsUpToTheGroundTruth() {
        SimPage page = sim.pages().get(0);
        List<JsonNode> seen = new ArrayList<>();
        for (String folder : List.of("inbox", "other", "page_done", "spam")) {
            List<JsonNode> inFolder = new ArrayList<>();
            String url = sim.baseUrl() + "/v25.0/" + page.id() + "/conversations?platform=messenger&folder=" + folder
                    + "&fields=" + TestGraph.enc(FIELDS) + "&limit=9&access_token=" + page.token();
            while (url != null) {
                TestGraph.Answer a = graph.getUrl(url);
                assertEquals(200, a.status(), a.response().body());
                a.json().path("data").forEach(inFolder::add);
                url = a.json().path("paging").path("next").asText(null);
            }
            assertFalse(inFolder.isEmpty(), folder + " is empty");
            List<String> times = inFolder.stream().map(c -> c.path("updated_time").asText()).toList();
            assertEquals(times.stream().sorted(Comparator.reverseOrder()).toList(), times, "newest first in " + folder);
            seen.addAll(inFolder);
        }
        List<SimConversation> truth = sim.conversations(page.id());
        assertEquals(truth.size(), seen.size());
        Map<String, JsonNode> byId = seen.stream().collect(Collectors.toMap(c -> c.path("id").asText(), Function.identity()));
        for (SimConversation c : truth) {
            JsonNode json = byId.get(c.id());
            assertEquals(c.messageCount(), json.path("message_count").asInt());
            assertEquals(c.snippet(), json.path("snippet").asText());
            assertEquals(c.link(), json.path("link").asText());
            assertEquals(GraphTime.format(c.updatedTime().getEpochSecond()), json.path("updated_time").asText());
            assertEquals(c.messageCount(), c.messageCount());
            assertEquals(messageIds(sim.messages(c.id())), walkMessages(json.path("messages")), c.id());
        }
    }

    @Test
    void groundTruthIsConsistent() {
        for (SimPage page : sim.pages()) {
            for (SimConversation c : sim.conversations(page.id())) {
                List<SimMessage> messages = sim.messages(c.id());
                assertEquals(c.messageCount(), messages.size());
                assertEquals(c.updatedTime(), messages.get(0).createdTime());
                for (int i = 1; i < messages.size(); i++) {
                    assertTrue(messages.get(i).createdTime().isBefore(messages.get(i - 1).createdTime()));
                }
            }
        }
    }

    private List<String> walkMessages(JsonNode edge) {
        List<String> ids = new ArrayList<>();
        JsonNode page = edge;
        while (true) {
            page.path("data").forEach(m -> ids.add(m.path("id").asText()));
            String next = page.path("paging").path("next").asText(null);
            if (next == null) {
                return ids;
            }
            TestGraph.Answer a = graph.getUrl(next);
            assertEquals(200, a.status(), a.response().body());
            page = a.json();
        }
    }

    private static List<String> messageIds(List<SimMessage> messages) {
        return messages.stream().map(SimMessage::id).toList();
    }
}
