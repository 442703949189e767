package app.inboxsync.graph;

import static app.inboxsync.graph.TestGraph.CANARY;
import static app.inboxsync.graph.TestGraph.PAGE;
import static app.inboxsync.graph.TestGraph.graphError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Secret;
import app.inboxsync.sync.ConversationBatch;
import app.inboxsync.sync.GraphException;
import app.inboxsync.sync.GraphException.Kind;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GraphErrorsTest {
    private static final String EMPTY = "{\"data\":[]}";
    private TestGraph graph;

    @BeforeEach
    void start() throws Exception {
        graph = new TestGraph();
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    private ConversationBatch fetch() {
        return graph.client().conversations(PAGE, Folder.INBOX, 25, 10, null);
    }

    private GraphException failure() {
        return assertThrows(GraphException.class, this::fetch);
    }

    @Test
    void aCallInterruptedWhileItConnectsIsAStopNotACrash() {
        graph.ok(EMPTY);
        // A cancel interrupts the Page's thread; OkHttp, waiting for its TCP connect, then throws the checked
        // InterruptedException undeclared, which used to escape the sync as a crash of the whole Sync all.
        Thread.currentThread().interrupt();
        try {
            GraphException e = failure();
            assertTrue(e.getMessage().startsWith("Stopped while waiting for Facebook"), e.getMessage());
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is kept for the sync to see");
        } finally {
            Thread.interrupted();
        }
    }

    /** Equal jitter: the n-th backoff lies between half and all of 500 ms × 2^(n−1). */
    private void assertBackoffs(int count) {
        List<Duration> sleeps = graph.time.sleeps();
        assertEquals(count, sleeps.size(), sleeps.toString());
        for (int i = 0; i < count; i++) {
            long full = 500L << i;
            long ms = sleeps.get(i).toMillis();
            assertTrue(ms >= full / 2 && ms <= full, "backoff " + i + " was " + ms + " ms");
        }
    }

    @Test
    void code1HalvesLimitAndNestedLimitThenRetries() throws Exception {
        graph.reply(500, graphError(1, 0, "Please reduce the amount of data you're asking for, then retry your request"));
        graph.reply(500, graphError(1, 0, "Please reduce the amount of data you're asking for, then retry your request"));
        graph.ok(EMPTY);

        ConversationBatch batch = fetch();

        assertEquals(3, batch.httpCalls());
        graph.take();
        RecordedRequest second = graph.take();
        assertEquals("12", second.getUrl().queryParameter("limit"));
        assertTrue(second.getUrl().queryParameter("fields").contains("messages.limit(5){"));
        RecordedRequest third = graph.take();
        assertEquals("6", third.getUrl().queryParameter("limit"));
        assertTrue(third.getUrl().queryParameter("fields").contains("messages.limit(2){"));
        assertBackoffs(2);
        assertTrue(graph.waits.get(0).reason().contains("Graph error code 1"), graph.waits.toString());
    }

    @Test
    void halvingStopsAtOne() {
        okhttp3.HttpUrl halved = GraphUrls.halveLimits(
                okhttp3.HttpUrl.get("http://h/x?limit=1&fields=id,messages.limit(1){id}&after=Q%3D%3D"));
        assertEquals("1", halved.queryParameter("limit"));
        assertEquals("id,messages.limit(1){id}", halved.queryParameter("fields"));
        assertEquals("Q==", halved.queryParameter("after"));
    }

    @Test
    void code2And5xxAreRetriedWithBackoff() {
        graph.reply(400, graphError(2, 0, "An unexpected error has occurred. Please retry your request later."));
        graph.reply(502, "<html>Bad gateway</html>");
        graph.reply(503, "");
        graph.ok(EMPTY);

        assertEquals(4, fetch().httpCalls());
        assertBackoffs(3);
        assertTrue(graph.waits.get(1).reason().contains("HTTP 502"), graph.waits.toString());
        assertEquals("111", graph.waits.get(0).pageId());
    }

    @Test
    void exhaustedTransientFailureSaysWhatHappenedAndThatNothingWasLost() {
        for (int i = 0; i < 5; i++) {
            graph.reply(503, "");
        }
        GraphException e = failure();
        assertEquals(Kind.TRANSIENT, e.kind());
        assertEquals("Facebook did not answer after 5 attempts (last: HTTP 503). Check the network and run the sync "
                + "again; nothing was lost.", e.getMessage());
        assertEquals(5, graph.requests());
        assertBackoffs(4);
    }

    @Test
    void droppedConnectionsAreRetried() {
        graph.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        graph.enqueue(new MockResponse.Builder().body("{\"data\":[{\"id\":\"t_1\",\"updated_time\":\"2024-11-10T17:00:00"
                + "+0000\",\"snippet\":\"" + "x".repeat(20_000) + "\"}]}").onResponseBody(new SocketEffect.CloseSocket())
                .build());
        graph.ok(EMPTY);

        assertEquals(3, fetch().httpCalls());
        assertEquals(3, graph.requests());
    }

    @Test
    void connectionsDroppedUntilTheEndGiveUpAsTransient() {
        for (int i = 0; i < 5; i++) {
            graph.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        }
        GraphException e = failure();
        assertEquals(Kind.TRANSIENT, e.kind());
        assertEquals("Facebook did not answer after 5 attempts (last: connection dropped). Check the network and run "
                + "the sync again; nothing was lost.", e.getMessage());
        assertEquals(5, graph.requests());
    }

    @Test
    void timeoutsAreRetried() {
        graph.enqueue(new MockResponse.Builder().body(EMPTY).headersDelay(2, TimeUnit.SECONDS).build());
        graph.ok(EMPTY);
        GraphClient client = graph.client(graph.settings()
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(150)));

        assertEquals(2, client.conversations(PAGE, Folder.INBOX, 25, 10, null).httpCalls());
        assertTrue(graph.waits.get(0).reason().contains("timed out"), graph.waits.toString());
    }

    @Test
    void malformedJsonOnA200IsRetriedThenReportedAsMalformed() {
        graph.ok("<html>oops</html>");
        graph.ok("{\"data\":[{\"id\":\"t_1\"");
        graph.ok(EMPTY);
        assertEquals(3, fetch().httpCalls());

        for (int i = 0; i < 5; i++) {
            graph.ok("{\"data\":[");
        }
        GraphException e = failure();
        assertEquals(Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("after 5 attempts (last: the answer was cut off)"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {4, 17, 32, 613, 80001})
    void throttledCodesWaitWithGrowingBackoffThenRetry(int code) {
        graph.reply(400, graphError(code, 0, "Application request limit reached"));
        graph.reply(400, graphError(code, 0, "Application request limit reached"));
        graph.ok(EMPTY);

        assertEquals(3, fetch().httpCalls());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2)), graph.time.sleeps());
        assertEquals("Facebook rate limit (code " + code + "): waiting 1 s", graph.waits.get(0).reason());
        assertEquals("Facebook rate limit (code " + code + "): waiting 2 s", graph.waits.get(1).reason());
    }

    @Test
    void http429WithoutBodyIsARateLimitToo() {
        graph.reply(429, "");
        graph.ok(EMPTY);
        assertEquals(2, fetch().httpCalls());
        assertEquals("Facebook rate limit (HTTP 429): waiting 1 s", graph.waits.get(0).reason());
    }

    @Test
    void estimatedTimeToRegainAccessIsWaitedOutOnce() {
        graph.reply(400, graphError(80001, 0, "There have been too many calls to this Page account"),
                "X-Business-Use-Case-Usage", "{\"111\":[{\"type\":\"pages\",\"call_count\":100,\"total_cputime\":20,"
                        + "\"total_time\":30,\"estimated_time_to_regain_access\":4}]}");
        graph.ok(EMPTY);

        assertEquals(2, fetch().httpCalls());
        assertEquals(List.of(Duration.ofMinutes(4)), graph.time.sleeps(), "the throttle must not wait a second time");
        assertEquals("Facebook rate limit (code 80001): waiting 4 min", graph.waits.get(0).reason());
    }

    @Test
    void rateLimitLongerThanTheMaxWaitGivesUp() {
        graph.reply(400, graphError(32, 0, "Page request limit reached"),
                "X-Business-Use-Case-Usage", "{\"111\":[{\"call_count\":100,\"estimated_time_to_regain_access\":20}]}");

        GraphException e = failure();

        assertEquals(Kind.RATE_LIMITED, e.kind());
        assertEquals(32, e.code());
        assertTrue(e.getMessage().contains("asks to wait 20 min"), e.getMessage());
        assertTrue(e.getMessage().contains("more than the 15 min a sync waits"), e.getMessage());
        assertTrue(e.getMessage().contains("Run the sync again later"), e.getMessage());
        assertEquals(List.of(), graph.time.sleeps());
    }

    @Test
    void growingRateLimitWaitsGiveUpWhenTheirTotalWouldPassTheMax() {
        for (int i = 0; i < 10; i++) {
            graph.reply(400, graphError(4, 0, "Application request limit reached"));
        }
        GraphClient client = graph.client(graph.settings().withMaxRateLimitWait(Duration.ofSeconds(10)));

        GraphException e = assertThrows(GraphException.class,
                () -> client.conversations(PAGE, Folder.INBOX, 25, 10, null));

        assertEquals(Kind.RATE_LIMITED, e.kind());
        // 1 + 2 + 4 = 7 s waited; the next 8 s would make 15 s > 10 s.
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(4)),
                graph.time.sleeps());
        assertEquals(4, graph.requests());
    }

    @ParameterizedTest
    @CsvSource({
        "458, the app was removed from the account",
        "459, the account is checkpointed",
        "460, the account's password was changed",
        "463, the token expired",
        "467, the user logged out or the session is no longer valid",
        "0, the token is invalid"})
    void code190IsTokenInvalidWithTheReasonAndWhatToDo(int subcode, String reason) {
        graph.reply(400, graphError(190, subcode, "Error validating access token"));

        GraphException e = failure();

        assertEquals(Kind.TOKEN_INVALID, e.kind());
        assertEquals(190, e.code());
        assertEquals(subcode, e.subcode());
        assertEquals("AbCtrace123", e.fbtraceId());
        assertTrue(e.getMessage().contains(reason), e.getMessage());
        assertTrue(e.getMessage().contains("Error validating access token"), e.getMessage());
        assertTrue(e.getMessage().contains("fbtrace_id AbCtrace123"), e.getMessage());
        assertTrue(e.getMessage().endsWith("Reconnect the Page with a fresh token (in the app: Reconnect; on the command line: pages add --token)."));
        assertEquals(1, graph.requests(), "never retried");
        assertTrue(graph.time.sleeps().isEmpty());
    }

    @Test
    void code190OnIdentifyPageSaysToGetAFreshToken() {
        graph.reply(400, graphError(190, 463, "Session has expired"));
        GraphException e = assertThrows(GraphException.class, () -> graph.client().identifyPage(Secret.of(CANARY)));
        assertEquals(Kind.TOKEN_INVALID, e.kind());
        assertTrue(e.getMessage().contains("this token"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {10, 200, 230, 299})
    void permissionCodesAreNeverRetried(int code) {
        graph.reply(403, graphError(code, 0, "Requires pages_messaging permission to manage the object"));
        GraphException e = failure();
        assertEquals(Kind.PERMISSION, e.kind());
        assertEquals(code, e.code());
        assertTrue(e.getMessage().contains("Requires pages_messaging permission"), e.getMessage());
        assertEquals(1, graph.requests());
    }

    @Test
    void code100AndOther4xxAreInvalidRequests() {
        graph.reply(400, graphError(100, 33, "Unsupported get request. Object with ID '111' does not exist"));
        GraphException e = failure();
        assertEquals(Kind.INVALID_REQUEST, e.kind());
        assertEquals(100, e.code());
        assertTrue(e.getMessage().contains("(code 100, subcode 33, fbtrace_id AbCtrace123)"), e.getMessage());

        graph.reply(404, "<html>not found</html>");
        GraphException notFound = failure();
        assertEquals(Kind.INVALID_REQUEST, notFound.kind());
        assertTrue(notFound.getMessage().contains("HTTP 404"), notFound.getMessage());
        assertEquals(2, graph.requests());
    }
}
