package app.inboxsync.graph;

import app.inboxsync.domain.Secret;
import app.inboxsync.sync.GraphObserver;
import app.inboxsync.sync.PageAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real HTTP server playing Graph, a client pointed at it, a fake clock and a recording observer. Either close it
 * yourself, or hold it as {@code @RegisterExtension final TestGraph graph = TestGraph.perTest();} and it closes
 * after each test.
 */
final class TestGraph implements AutoCloseable, AfterEachCallback {
    static final String CANARY = "CANARY_TOKEN_4f1d2c";
    static final String PAGE_ID = "111";
    static final PageAccess PAGE = new PageAccess(PAGE_ID, Secret.of(CANARY));

    /** One observer notification. */
    record Wait(String pageId, Duration duration, String reason) {
    }

    final MockWebServer server = new MockWebServer();
    final FakeTime time = new FakeTime();
    final List<Wait> waits = new ArrayList<>();
    private final GraphObserver observer = (page, wait, reason) -> {
        synchronized (waits) {
            waits.add(new Wait(page, wait, reason));
        }
    };
    private final List<GraphClient> clients = new ArrayList<>();

    TestGraph() throws IOException {
        server.start();
    }

    /** Started now, closed after the test (as a JUnit extension). */
    static TestGraph perTest() {
        try {
            return new TestGraph();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    String base() {
        String url = server.url("/").toString();
        return url.substring(0, url.length() - 1);
    }

    /** Pacing off by default so tests that are not about pacing see only retry waits. */
    GraphSettings settings() {
        return GraphSettings.defaults(base()).withCallsPerSecondPerPage(0);
    }

    GraphClient client() {
        return client(settings());
    }

    GraphClient client(GraphSettings settings) {
        GraphClient c = new GraphClient(settings, observer, time, time);
        clients.add(c);
        return c;
    }

    /** An absolute URL on this server, as Graph would put it in {@code paging.next}. */
    String url(String pathAndQuery) {
        return base() + pathAndQuery;
    }

    void ok(String body, String... headerPairs) {
        reply(200, body, headerPairs);
    }

    void reply(int code, String body, String... headerPairs) {
        MockResponse.Builder b = new MockResponse.Builder().code(code).body(body)
                .setHeader("Content-Type", "application/json");
        for (int i = 0; i < headerPairs.length; i += 2) {
            b.setHeader(headerPairs[i], headerPairs[i + 1]);
        }
        server.enqueue(b.build());
    }

    void enqueue(MockResponse response) {
        server.enqueue(response);
    }

    static String graphError(int code, int subcode, String message) {
        return """
                {"error":{"message":"%s","type":"OAuthException","code":%d,"error_subcode":%d,\
                "fbtrace_id":"AbCtrace123"}}""".formatted(message, code, subcode);
    }

    RecordedRequest take() throws InterruptedException {
        RecordedRequest r = server.takeRequest(5, TimeUnit.SECONDS);
        if (r == null) {
            throw new AssertionError("expected another request");
        }
        return r;
    }

    int requests() {
        return server.getRequestCount();
    }

    @Override
    public void close() {
        clients.forEach(GraphClient::close);
        server.close();
    }
}
