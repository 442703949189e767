package app.inboxsync.graph;

import static app.inboxsync.graph.TestGraph.PAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Folder;
import app.inboxsync.sync.GraphException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import okhttp3.Headers;
import org.junit.jupiter.api.Test;

class PageThrottleTest {
    private static final Duration HALF_SECOND = Duration.ofMillis(500);
    private final FakeTime time = new FakeTime();
    private final List<String> notes = Collections.synchronizedList(new ArrayList<>());

    private PageThrottle throttle(double rate) {
        return new PageThrottle(rate, Duration.ofMinutes(15), time, time, (p, d, reason) -> notes.add(reason),
                new ObjectMapper());
    }

    @Test
    void spacesOnePagesCallsExactlyOneIntervalApartAndLeavesOtherPagesAlone() throws Exception {
        PageThrottle throttle = throttle(2.0);
        throttle.awaitTurn("p");
        throttle.awaitTurn("p");
        throttle.awaitTurn("q");
        throttle.awaitTurn("p");
        throttle.awaitTurn(null);
        assertEquals(List.of(HALF_SECOND, HALF_SECOND), time.sleeps(),
                "first call at once, then 500 ms apart; q and token checks never wait");
        assertTrue(notes.isEmpty(), "plain pacing is not worth telling people about");
    }

    @Test
    void aCallAfterALongPauseGoesAtOnce() throws Exception {
        PageThrottle throttle = throttle(2.0);
        throttle.awaitTurn("p");
        time.sleep(Duration.ofSeconds(3));
        throttle.awaitTurn("p");
        assertEquals(List.of(Duration.ofSeconds(3)), time.sleeps());
    }

    @Test
    void concurrentCallersOfOnePageGetDistinctSlotsOneIntervalApart() throws Exception {
        // The clock stands still, so each wait is exactly the slot a caller reserved.
        List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
        PageThrottle throttle = new PageThrottle(2.0, Duration.ofHours(1), () -> 0L, waits::add,
                (p, d, r) -> { }, new ObjectMapper());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 80; i++) {
            pool.submit(() -> {
                throttle.awaitTurn("p");
                return null;
            });
        }
        pool.shutdown();
        assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        List<Duration> sorted = new ArrayList<>(waits);
        Collections.sort(sorted);
        assertEquals(79, sorted.size(), "the first caller goes at once");
        for (int i = 0; i < sorted.size(); i++) {
            assertEquals(HALF_SECOND.multipliedBy(i + 1), sorted.get(i));
        }
    }

    @Test
    void highUsageDoublesTheIntervalAndItRelaxesWhenUsageDrops() throws Exception {
        PageThrottle throttle = throttle(2.0);
        throttle.awaitTurn("p");
        throttle.record("p", new Usage(92, Duration.ZERO));
        throttle.awaitTurn("p");
        throttle.record("p", new Usage(95, Duration.ZERO));
        throttle.awaitTurn("p");
        throttle.record("p", Usage.NONE);
        throttle.awaitTurn("p");
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(1)), time.sleeps());
        for (int i = 0; i < 10; i++) {
            throttle.record("p", new Usage(99, Duration.ZERO));
        }
        assertEquals(PageThrottle.MAX_SLOWDOWN, throttle.slowdown("p"));
    }

    @Test
    void aTimeToRegainAccessHoldsThePageAndSaysSo() throws Exception {
        PageThrottle throttle = throttle(2.0);
        throttle.awaitTurn("p");
        throttle.record("p", new Usage(100, Duration.ofMinutes(3)));
        throttle.awaitTurn("q");
        throttle.awaitTurn("p");
        assertEquals(List.of(Duration.ofMinutes(3)), time.sleeps());
        assertEquals(List.of("Facebook asked to pause calls for Page p: waiting 3 min"), notes);

        throttle.record("p", new Usage(100, Duration.ofMinutes(30)));
        assertThrows(PageThrottle.PageHeldException.class, () -> throttle.awaitTurn("p"));
    }

    @Test
    void usageHeadersAreReadFromAllThreeHeaders() {
        ObjectMapper json = new ObjectMapper();
        assertEquals(Usage.NONE, Usage.of(Headers.of(), json));
        assertEquals(new Usage(91, Duration.ZERO), Usage.of(Headers.of(
                "X-App-Usage", "{\"call_count\":12,\"total_cputime\":91,\"total_time\":40}"), json));
        assertEquals(new Usage(90, Duration.ZERO), Usage.of(Headers.of(
                "X-Page-Usage", "{\"call_count\":90,\"total_cputime\":1,\"total_time\":4}"), json));
        assertEquals(new Usage(100, Duration.ofMinutes(7)), Usage.of(Headers.of(
                "X-Business-Use-Case-Usage", "{\"111\":[{\"type\":\"pages\",\"call_count\":5,\"total_cputime\":100,"
                        + "\"total_time\":3,\"estimated_time_to_regain_access\":7}],\"222\":[{\"call_count\":1}]}"),
                json));
        assertEquals(Usage.NONE.maxPercent(), Usage.of(Headers.of("X-App-Usage", "not json"), json).maxPercent());
    }

    @Test
    void theClientPacesEachPageAndSlowsDownOnUsageHeaders() throws Exception {
        try (TestGraph graph = new TestGraph()) {
            GraphClient client = graph.client(graph.settings().withCallsPerSecondPerPage(2.0));
            graph.ok("{\"data\":[]}");
            graph.ok("{\"data\":[]}", "X-Page-Usage", "{\"call_count\":95,\"total_cputime\":10,\"total_time\":10}");
            graph.ok("{\"data\":[]}");
            graph.ok("{\"data\":[]}");

            for (int i = 0; i < 4; i++) {
                client.conversations(PAGE, Folder.INBOX, 25, 10, null);
            }

            // Call 2 answers at 95 %: call 3 waits twice as long; call 3 answers without usage: back to normal.
            assertEquals(List.of(HALF_SECOND, Duration.ofSeconds(1), HALF_SECOND), graph.time.sleeps());
            assertEquals(1, client.slowdownOf("111"), "usage dropped again");
        }
    }

    @Test
    void theClientGivesUpWhenGraphHoldsThePageForTooLong() throws Exception {
        try (TestGraph graph = new TestGraph()) {
            GraphClient client = graph.client();
            graph.ok("{\"data\":[]}", "X-Business-Use-Case-Usage",
                    "{\"111\":[{\"call_count\":100,\"estimated_time_to_regain_access\":60}]}");
            client.conversations(PAGE, Folder.INBOX, 25, 10, null);

            GraphException e = assertThrows(GraphException.class,
                    () -> client.conversations(PAGE, Folder.INBOX, 25, 10, null));

            assertEquals(GraphException.Kind.RATE_LIMITED, e.kind());
            assertTrue(e.getMessage().contains("for 60 min, more than the 15 min"), e.getMessage());
            assertEquals(1, graph.requests());
        }
    }
}
