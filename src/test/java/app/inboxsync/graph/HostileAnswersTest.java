package app.inboxsync.graph;

import static app.inboxsync.graph.TestGraph.PAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Conversation;
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
import org.junit.jupiter.params.provider.ValueSource;

/** The Graph client against a server that answers badly on purpose, over real HTTP (MockWebServer). */
class HostileAnswersTest {
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

    private ConversationBatch fetch(GraphClient client) {
        return client.conversations(PAGE, Folder.INBOX, 25, 10, null);
    }

    private static String conversation(String id, String extra) {
        return "{\"id\":\"" + id + "\",\"updated_time\":\"2024-11-10T17:00:00+0000\"" + extra + "}";
    }

    private static void assertNoJavaWords(String sentence) {
        assertFalse(sentence.matches("(?s).*(Exception|Error:|java\\.|OutOfMemory).*"), sentence);
    }

    @Test
    void retryAfterInSecondsIsWaitedExactly() {
        graph.reply(429, "<html>Too Many Requests</html>", "Retry-After", "10", "Content-Type", "text/html");
        graph.ok(EMPTY);

        assertEquals(2, fetch(graph.client()).httpCalls());

        assertEquals(List.of(Duration.ofSeconds(10)), graph.time.sleeps());
        assertEquals("Facebook rate limit (HTTP 429): waiting 10 s", graph.waits.get(0).reason());
    }

    @Test
    void retryAfterAsAnHttpDateIsReadAgainstTheServersOwnClock() {
        graph.reply(429, "<html>Too Many Requests</html>", "Date", "Thu, 03 Dec 2026 16:00:00 GMT",
                "Retry-After", "Thu, 03 Dec 2026 16:00:07 GMT", "Content-Type", "text/html");
        graph.ok(EMPTY);

        fetch(graph.client());

        assertEquals(List.of(Duration.ofSeconds(7)), graph.time.sleeps());
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void unauthorizedOrForbiddenWithAnHtmlBodySaysWhatTheStatusMeans(int status) {
        graph.reply(status, "<html><body><h1>Access denied</h1></body></html>", "Content-Type", "text/html");

        GraphException e = assertThrows(GraphException.class, () -> fetch(graph.client()));

        assertEquals(Kind.PERMISSION, e.kind());
        assertTrue(e.getMessage().contains(status == 401 ? "HTTP 401 Unauthorized: the request was not accepted "
                + "as signed in" : "HTTP 403 Forbidden: access was refused"), e.getMessage());
        assertTrue(e.getMessage().contains("proxy or firewall"), e.getMessage());
        assertFalse(e.getMessage().contains("fbtrace_id"), "there is none to report: " + e.getMessage());
        assertFalse(e.getMessage().contains("bug"), e.getMessage());
        assertEquals(1, graph.requests(), "not retried");
    }

    @Test
    void everyAttemptOfAFailedCallIsCounted() {
        for (int i = 0; i < 5; i++) {
            graph.reply(502, "<html>Bad gateway</html>", "Content-Type", "text/html");
        }

        GraphException e = assertThrows(GraphException.class, () -> fetch(graph.client()));

        assertEquals(5, e.httpCalls());
        assertEquals(5, graph.requests());
    }

    @Test
    void retryNoticesSayWaitingLikeEveryOtherWait() {
        graph.reply(503, "");
        graph.ok(EMPTY);

        fetch(graph.client());

        String reason = graph.waits.get(0).reason();
        assertTrue(reason.matches("Facebook did not answer \\(HTTP 503\\): waiting 0\\.[2-5] s, then attempt 2 of 5"),
                reason);
        assertEquals(GraphFailures.human(graph.waits.get(0).duration()),
                app.inboxsync.sync.WaitWords.of(graph.time.sleeps().get(0)), "the UI's words for the same wait");
    }

    @Test
    void anAnswerAnnouncedLargerThanTheCapIsRefusedAndAskedForInSmallerPieces() throws Exception {
        GraphClient client = graph.client(graph.settings().withAnswerLimits(Duration.ofMinutes(1), 64 * 1024));
        String big = "{\"data\":[" + conversation("t_1", ",\"snippet\":\"" + "x".repeat(100_000) + "\"") + "]}";
        for (int i = 0; i < 5; i++) {
            graph.ok(big);
        }

        GraphException e = assertThrows(GraphException.class, () -> fetch(client));

        assertEquals(Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().startsWith("Facebook's answer for the inbox conversations of Page 111 was larger than "
                + "the 64 KB one answer may be, even when asking for fewer items at a time"), e.getMessage());
        assertTrue(e.getMessage().contains(GraphSettings.MAX_ANSWER_ENV), e.getMessage());
        assertNoJavaWords(e.getMessage());
        assertEquals("25", graph.take().getUrl().queryParameter("limit"));
        assertEquals("12", graph.take().getUrl().queryParameter("limit"), "asked for fewer at a time");
        assertEquals(5, e.httpCalls());
        assertEquals(List.of(), graph.time.sleeps(), "no backoff: the server answered, it is not struggling");
    }

    @Test
    void aSmallerAnswerAfterAnOversizedOneIsTaken() {
        GraphClient client = graph.client(graph.settings().withAnswerLimits(Duration.ofMinutes(1), 64 * 1024));
        graph.ok("{\"data\":[" + conversation("t_1", ",\"snippet\":\"" + "x".repeat(100_000) + "\"") + "]}");
        graph.ok("{\"data\":[" + conversation("t_1", "") + "]}");

        ConversationBatch batch = fetch(client);

        assertEquals(1, batch.conversations().size());
        assertEquals(2, batch.httpCalls());
    }

    @Test
    void aChunkedAnswerThatGoesOnPastTheCapIsCutOff() {
        GraphClient client = graph.client(graph.settings().withAnswerLimits(Duration.ofMinutes(1), 64 * 1024)
                .withRetries(1, Duration.ofMillis(1)));
        StringBuilder endless = new StringBuilder("{\"data\":[");
        for (int i = 0; i < 3000; i++) {
            endless.append(conversation("t_" + i, ",\"snippet\":\"again and again\"")).append(',');
        }
        graph.enqueue(new MockResponse.Builder().chunkedBody(endless.toString(), 4096)
                .setHeader("Content-Type", "application/json").build());

        GraphException e = assertThrows(GraphException.class, () -> fetch(client));

        assertTrue(e.getMessage().contains("was larger than the 64 KB one answer may be"), e.getMessage());
        assertNoJavaWords(e.getMessage());
    }

    @Test
    void anAnswerTrickledInIsCutOffByTheCallsDeadline() {
        GraphClient client = graph.client(graph.settings().withAnswerLimits(Duration.ofMillis(700), 1 << 20)
                .withRetries(2, Duration.ofMillis(1)));
        for (int i = 0; i < 2; i++) {
            graph.enqueue(new MockResponse.Builder().body("{\"data\":[" + conversation("t_1", "") + "]}")
                    .setHeader("Content-Type", "application/json").throttleBody(1, 1, TimeUnit.SECONDS).build());
        }

        GraphException e = assertThrows(GraphException.class, () -> fetch(client));

        assertEquals(Kind.TRANSIENT, e.kind());
        assertEquals("Facebook did not answer after 2 attempts (last: timed out). Check the network and run the sync "
                + "again; nothing was lost.", e.getMessage());
        assertTrue(graph.waits.get(0).reason().startsWith("Facebook did not answer (timed out): waiting "),
                graph.waits.toString());
    }

    @Test
    void theDeadlineDoesNotCoverPacingWaits() {
        // 1 call a second: the second call waits its turn on the fake clock, far longer than the deadline
        GraphClient client = graph.client(graph.settings().withCallsPerSecondPerPage(0.01)
                .withAnswerLimits(Duration.ofMillis(500), 1 << 20));
        graph.ok(EMPTY);
        graph.ok(EMPTY);

        fetch(client);
        fetch(client);

        assertEquals(List.of(Duration.ofSeconds(100)), graph.time.sleeps());
    }

    @Test
    void aMessageTextOfTwentyOneMegabytesIsRead() {
        String text = "0123456789".repeat(2_100_000);
        graph.ok("{\"data\":[{\"id\":\"t_1\",\"updated_time\":\"2024-11-10T17:00:00+0000\",\"messages\":{\"data\":["
                + "{\"id\":\"m_1\",\"created_time\":\"2024-11-10T17:00:00+0000\",\"message\":\"" + text + "\"}]}}]}");

        ConversationBatch batch = fetch(graph.client());

        assertEquals(text.length(), batch.conversations().get(0).messages().get(0).text().length());
        assertEquals(1, graph.requests());
    }

    @Test
    void aPooledConnectionTheServerClosedWhileIdleIsAskedAgainAtOnce() throws Exception {
        GraphClient client = graph.client();
        // the first answer arrives whole, then the server closes the connection without saying so (idle timeout)
        graph.enqueue(new MockResponse.Builder().body(EMPTY).setHeader("Content-Type", "application/json")
                .onResponseEnd(new SocketEffect.CloseSocket(true, false, false)).build());
        graph.ok(EMPTY);
        fetch(client);

        ConversationBatch second = fetch(client);

        assertEquals(List.of(), graph.waits, "no retry notice, no backoff");
        assertEquals(List.of(), graph.time.sleeps());
        assertEquals(2, graph.requests(), "the dead connection's request never reached the server");
        assertTrue(second.httpCalls() >= 1);
    }

    @Test
    void theConnectionPoolForgetsIdleConnectionsBeforeServersCloseThem() {
        assertTrue(GraphClient.KEEP_ALIVE.compareTo(Duration.ofSeconds(30)) < 0,
                "below the JDK server's 30 s idle timeout (the simulator) and common proxies' 60 s");
    }

    @Test
    void negativeCountsAreNotStoredAsTheyCome() {
        graph.ok("{\"data\":[" + conversation("t_1", ",\"message_count\":-7,\"unread_count\":-1") + "]}");

        Conversation c = fetch(graph.client()).conversations().get(0).conversation();

        assertEquals(0, c.messageCount());
        assertEquals(0, c.unreadCount());
    }

    @Test
    void aParticipantWithoutAnIdKeepsItsName() {
        graph.ok("{\"data\":[" + conversation("t_1", ",\"participants\":{\"data\":[{\"name\":\"Ana Lima\"},"
                + "{\"name\":\"The Page\",\"id\":\"111\"}]}") + "]}");

        Conversation c = fetch(graph.client()).conversations().get(0).conversation();

        assertEquals("Ana Lima", c.senderName());
        assertEquals("unknown:t_1", c.senderId());
    }

    @Test
    void aPagesListingThatRepeatsItselfStopsWithASentence() throws Exception {
        String page = "{\"data\":[{\"id\":\"1\",\"name\":\"A\",\"access_token\":\"tok\"}],\"paging\":{\"next\":\""
                + graph.url("/v25.0/me/accounts?after=AAA") + "\"}}";
        graph.ok(page);
        graph.ok(page);
        graph.ok(page);

        GraphException e = assertThrows(GraphException.class, () -> graph.client().listPages(Secret.of("user")));

        assertTrue(e.getMessage().startsWith("Facebook's listing of the Pages of this token repeats itself"),
                e.getMessage());
        assertEquals(2, graph.requests(), "stopped at the first page that brought nothing new");
        RecordedRequest first = graph.take();
        assertEquals("/v25.0/me/accounts", first.getUrl().encodedPath());
    }
}
