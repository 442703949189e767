package app.inboxsync.simulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulated CDN: real files of the declared size and type, on the simulator's host, expiring and gone links. */
class CdnFilesTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private GraphSimulator sim;
    private TestGraph graph;

    @BeforeEach
    void start() {
        sim = GraphSimulator.start(SimulatorConfig.small(11).withPages(1).withConversations(200));
        graph = new TestGraph(sim);
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** Every attachment of the Page as Graph serves it now: message id → attachment JSON. */
    private Map<String, JsonNode> served() {
        SimPage page = sim.pages().get(0);
        Map<String, JsonNode> out = new HashMap<>();
        for (SimConversation c : sim.conversations(page.id())) {
            for (SimMessage m : sim.messages(c.id())) {
                if (m.attachmentsJson() != null && out.size() < 400) {
                    out.put(m.id(), graph.get("/v25.0/" + m.id() + "?fields=attachments&access_token=" + page.token())
                            .json().path("attachments").path("data").get(0));
                }
            }
        }
        return out;
    }

    private static String url(JsonNode a) {
        for (String p : List.of("image_data/url", "video_data/url", "file_url")) {
            JsonNode n = a.at("/" + p);
            if (!n.isMissingNode()) {
                return n.asText();
            }
        }
        throw new AssertionError("no link in " + a);
    }

    private static HttpResponse<byte[]> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void filesAreRealOfTheDeclaredSizeAndTypeOnTheSimulatorsHost() throws Exception {
        Map<String, Integer> kinds = new HashMap<>();
        Map<String, byte[]> byName = new HashMap<>();
        for (JsonNode a : served().values()) {
            String url = url(a);
            assertTrue(url.startsWith(sim.baseUrl() + "/cdn/"), url);
            String mime = a.path("mime_type").asText();
            if (a.path("size").asLong() > 10_000_000) {
                continue; // the very large videos: checked by their headers below
            }
            HttpResponse<byte[]> r = get(url);
            assertEquals(200, r.statusCode(), url);
            assertEquals(mime, r.headers().firstValue("Content-Type").orElseThrow());
            assertEquals(a.path("size").asLong(), r.body().length, url);
            byte[] b = r.body();
            switch (mime) {
                case "image/jpeg", "image/png", "image/gif" -> {
                    var img = ImageIO.read(new ByteArrayInputStream(b));
                    assertNotNull(img, "decodable " + url);
                    assertEquals(a.at("/image_data/width").asInt(), img.getWidth());
                }
                case "application/pdf" -> assertTrue(new String(b, 0, 8).startsWith("%PDF-1.4") && new String(b).endsWith("%%EOF\n"));
                case "audio/mpeg" -> assertEquals("ID3", new String(b, 0, 3));
                case "video/mp4" -> assertEquals("ftyp", new String(b, 4, 4));
                default -> throw new AssertionError("unexpected type " + mime);
            }
            kinds.merge(mime, 1, Integer::sum);
            // the same picture is the same bytes, whichever message sent it
            String name = url.substring(url.lastIndexOf('_') + 1);
            byte[] before = byName.putIfAbsent(name, b);
            if (before != null) {
                assertArrayEquals(before, b, name);
            }
        }
        assertTrue(kinds.keySet().containsAll(List.of("image/jpeg", "image/gif", "video/mp4", "application/pdf")), kinds.toString());
        assertTrue(byName.size() < kinds.values().stream().mapToInt(Integer::intValue).sum(), "some picture is sent twice");
    }

    @Test
    void expiredLinksAre403AndGraphGivesAFreshOne() throws Exception {
        sim.cdn().setLinkLifetime(Duration.ofHours(1));
        Map.Entry<String, JsonNode> one = served().entrySet().stream()
                .filter(e -> e.getValue().path("size").asLong() < 1_000_000).findFirst().orElseThrow();
        String old = url(one.getValue());
        assertTrue(old.contains("oe=") && old.contains("oh="), old);
        assertEquals(200, get(old).statusCode());
        sim.cdn().expireServedLinks();
        HttpResponse<byte[]> expired = get(old);
        assertEquals(403, expired.statusCode());
        assertEquals("URL signature expired", new String(expired.body()));
        assertEquals(403, get(old.replaceAll("oh=[0-9a-f]+", "oh=0")).statusCode(), "a forged link");
        SimPage page = sim.pages().get(0);
        String fresh = url(graph.get("/v25.0/" + one.getKey() + "?fields=attachments&access_token=" + page.token())
                .json().path("attachments").path("data").get(0));
        assertNotEquals(old, fresh);
        assertEquals(200, get(fresh).statusCode());
        sim.cdn().remove(fresh);
        assertEquals(404, get(fresh).statusCode());
    }

    @Test
    void cdnDownloadsAreNotGraphCalls() throws Exception {
        List<String> urls = new ArrayList<>();
        served().values().stream().filter(a -> a.path("size").asLong() < 1_000_000).limit(5).forEach(a -> urls.add(url(a)));
        long calls = sim.requestCount();
        for (String u : urls) {
            assertEquals(200, get(u).statusCode());
        }
        assertEquals(calls, sim.requestCount());
        assertEquals(5, sim.cdn().downloads());
    }
}
