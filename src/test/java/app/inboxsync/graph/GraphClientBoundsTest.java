package app.inboxsync.graph;

import static app.inboxsync.graph.TestGraph.CANARY;
import static app.inboxsync.graph.TestGraph.PAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Secret;
import app.inboxsync.sync.GraphException;
import app.inboxsync.sync.GraphGateway;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What the client refuses to ask, a Pages listing that repeats itself, and a message's attachment links. */
class GraphClientBoundsTest {
    @RegisterExtension
    final TestGraph graph = TestGraph.perTest();

    @Test
    void limitsOutsideWhatGraphServesAreRefusedBeforeAnyRequest() {
        GraphClient client = graph.client();
        int most = GraphGateway.MAX_LIMIT;
        for (int[] bad : new int[][] {{0, 10}, {most + 1, 10}, {25, -1}, {25, most + 1}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> client.conversations(PAGE, Folder.INBOX, bad[0], bad[1], null), Arrays.toString(bad));
            assertTrue(e.getMessage().contains("got " + (bad[0] == 25 ? bad[1] : bad[0])), e.getMessage());
        }
        assertEquals(0, graph.requests());

        for (int[] edge : new int[][] {{1, 0}, {most, most}}) {
            graph.ok("{\"data\":[]}");
            client.conversations(PAGE, Folder.INBOX, edge[0], edge[1], null);
        }
        assertEquals(2, graph.requests(), "the smallest and largest limits are asked for");
    }

    @Test
    void aMessagesCallWithoutACursorAsksForEveryMessageFieldWhileNoneIsRefused() throws Exception {
        graph.ok("{\"data\":[]}");
        graph.client().messages(PAGE, "t_9", null);
        assertEquals("id,created_time,from,to,message,attachments,sticker,shares",
                graph.take().getUrl().queryParameter("fields"));
    }

    private String accountsPage(String ids, String next) {
        StringBuilder data = new StringBuilder();
        for (String id : ids.split(",")) {
            data.append(data.length() == 0 ? "" : ",").append("""
                    {"id":"%s","name":"Page %s","access_token":"PAGE_TOKEN_%s","tasks":["MESSAGING"]}"""
                    .formatted(id, id, id));
        }
        String paging = next == null ? "{}" : "{\"next\":\"" + graph.url(next) + "\"}";
        return "{\"data\":[" + data + "],\"paging\":" + paging + "}";
    }

    @Test
    void aPagesListingWhoseNextLinkComesBackStopsInsteadOfLooping() {
        graph.ok(accountsPage("1", "/v25.0/me/accounts?after=A2"));
        graph.ok(accountsPage("2", "/v25.0/me/accounts?after=A2"));
        graph.ok(accountsPage("3", null)); // what a client that did not notice would go on to read

        GraphException e = assertThrows(GraphException.class, () -> graph.client().listPages(Secret.of(CANARY)));

        assertEquals(GraphException.Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().startsWith("Facebook's listing of the Pages of this token repeats itself"),
                e.getMessage());
        assertEquals(2, graph.requests());
    }

    @Test
    void aPagesListingThatServesTheSamePagesAgainStopsInsteadOfLooping() {
        graph.ok(accountsPage("1,2", "/v25.0/me/accounts?after=A2"));
        graph.ok(accountsPage("2,1", "/v25.0/me/accounts?after=A3"));
        graph.ok(accountsPage("3", null));

        GraphException e = assertThrows(GraphException.class, () -> graph.client().listPages(Secret.of(CANARY)));

        assertEquals(GraphException.Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("page 2 holds only what earlier pages held"), e.getMessage());
        assertEquals(2, graph.requests());
    }

    @Test
    void attachmentLinksComeInOrderVideoFirstThenImageThenFileAndNullWithoutOne() throws Exception {
        graph.ok("""
                {"id":"m_1","attachments":{"data":[
                  {"video_data":{"url":"https://cdn.example/v.mp4"},"image_data":{"url":"https://cdn.example/v.jpg"}},
                  {"image_data":{"url":"https://cdn.example/i.jpg"},"file_url":"https://cdn.example/i.bin"},
                  {"file_url":"https://cdn.example/f.pdf"},
                  {"name":"nothing to fetch"}]}}""");
        graph.ok("{\"id\":\"m_2\"}");
        graph.ok("{\"id\":\"m_3\",\"attachments\":{\"data\":{\"not\":\"a list\"}}}");
        GraphClient client = graph.client();

        assertEquals(Arrays.asList("https://cdn.example/v.mp4", "https://cdn.example/i.jpg",
                "https://cdn.example/f.pdf", null), client.attachmentLinks(PAGE, "m_1"));
        assertEquals("/v25.0/m_1?fields=attachments", graph.take().getTarget());
        assertEquals(List.of(), client.attachmentLinks(PAGE, "m_2"), "a message without attachments");
        assertEquals(List.of(), client.attachmentLinks(PAGE, "m_3"), "attachments that are not a list");
    }
}
