package app.inboxsync.graph;

import static app.inboxsync.graph.TestGraph.CANARY;
import static app.inboxsync.graph.TestGraph.PAGE;
import static app.inboxsync.graph.TestGraph.graphError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Secret;
import app.inboxsync.sync.Cursor;
import app.inboxsync.sync.GraphException;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** A canary token must never show up in a log line, an exception message or an observer note. */
class RedactionTest {
    private static final Secret APP_SECRET = Secret.of("APP_SECRET_77aa");
    private static final String PROOF = AppSecretProof.of(APP_SECRET, Secret.of(CANARY));
    /** Graph sometimes echoes what it got, and next links carry the token. */
    private static final String ECHO = "Invalid OAuth access token " + CANARY
            + " see https://graph.facebook.com/v25.0/me?access_token=" + CANARY;

    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private Level rootLevel;
    private TestGraph graph;
    private GraphClient client;
    private final List<String> exceptionTexts = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        rootLevel = root.getLevel();
        root.setLevel(Level.DEBUG);
        logs.start();
        root.addAppender(logs);
        graph = new TestGraph();
        client = graph.client(graph.settings().withAppSecret(APP_SECRET).withRetries(2, Duration.ofMillis(10))
                .withTimeouts(Duration.ofSeconds(2), Duration.ofMillis(1000)));
    }

    @AfterEach
    void stop() {
        graph.close();
        root.detachAppender(logs);
        root.setLevel(rootLevel);
    }

    private void fails(Consumer<GraphClient> call) {
        GraphException e = assertThrows(GraphException.class, () -> call.accept(client));
        for (Throwable t = e; t != null; t = t.getCause()) {
            exceptionTexts.add(t.toString());
        }
    }

    private void fetchFails() {
        fails(c -> c.conversations(PAGE, Folder.INBOX, 25, 10, null));
    }

    @Test
    void theTokenAndTheProofAppearNowhereAcrossSuccessAndEveryErrorPath() {
        String next = graph.url("/v25.0/111/conversations?access_token=" + CANARY + "&after=X");
        graph.ok("{\"data\":[],\"paging\":{\"next\":\"" + next + "\"}}");
        graph.ok("{\"data\":[]}");
        Cursor cursor = client.conversations(PAGE, Folder.INBOX, 25, 10, null).next();
        client.conversations(PAGE, Folder.INBOX, 25, 10, cursor);
        graph.ok("{\"id\":\"111\",\"name\":\"Shop\"}");
        client.identifyPage(Secret.of(CANARY));
        graph.ok("{\"data\":[{\"id\":\"1\",\"name\":\"One\",\"access_token\":\"PAGE_TOKEN_SECRET_1\"}]}");
        client.listPages(Secret.of(CANARY));

        for (int code : new int[] {190, 10, 200, 100}) {
            graph.reply(400, graphError(code, 460, ECHO));
            fetchFails();
        }
        graph.reply(400, graphError(190, 0, ECHO));
        fails(c -> c.identifyPage(Secret.of(CANARY)));
        graph.reply(400, graphError(190, 0, ECHO));
        fails(c -> c.listPages(Secret.of(CANARY)));
        for (int i = 0; i < 2; i++) {
            graph.reply(500, graphError(2, 0, ECHO));
        }
        fetchFails();
        for (int i = 0; i < 2; i++) {
            graph.reply(500, graphError(1, 0, ECHO));
        }
        fetchFails();
        graph.reply(400, graphError(32, 0, ECHO),
                "X-Business-Use-Case-Usage", "{\"111\":[{\"estimated_time_to_regain_access\":30}]}");
        fetchFails();
        fails(c -> c.conversations(PAGE, Folder.INBOX, 25, 10, null));  // held page
        PageAccessFor other = new PageAccessFor("222");
        for (int i = 0; i < 2; i++) {
            graph.enqueue(new MockResponse.Builder().onResponseStart(new SocketEffect.CloseSocket()).build());
        }
        fails(c -> c.conversations(other.access, Folder.INBOX, 25, 10, null));
        for (int i = 0; i < 2; i++) {
            graph.enqueue(new MockResponse.Builder().body("{}").headersDelay(3, java.util.concurrent.TimeUnit.SECONDS)
                    .build());
        }
        fails(c -> c.conversations(other.access, Folder.INBOX, 25, 10, null));
        for (int i = 0; i < 2; i++) {
            graph.ok("{\"data\":[" + CANARY);
        }
        fails(c -> c.conversations(other.access, Folder.INBOX, 25, 10, null));
        graph.ok("{\"data\":[{\"id\":\"t_1\",\"updated_time\":\"" + CANARY + "\"}]}");
        fails(c -> c.conversations(other.access, Folder.INBOX, 25, 10, null));
        fails(c -> c.conversations(other.access, Folder.INBOX, 25, 10,
                Cursor.ofNullable("https://evil.example/x?access_token=" + CANARY)));

        assertEquals(15, exceptionTexts.size(), exceptionTexts.toString());
        List<String> lines = logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        assertTrue(lines.size() >= 20, "one DEBUG line per call: " + lines);
        assertTrue(lines.stream().anyMatch(l -> l.contains("appsecret_proof=***")), lines.toString());
        List<String> notes = graph.waits.stream().map(TestGraph.Wait::reason).toList();
        for (List<String> texts : List.of(lines, exceptionTexts, notes)) {
            for (String text : texts) {
                assertFalse(text.contains(CANARY), "token leaked: " + text);
                assertFalse(text.contains(PROOF), "proof leaked: " + text);
                assertFalse(text.contains("PAGE_TOKEN_SECRET_1"), "page token leaked: " + text);
                assertFalse(text.contains("APP_SECRET_77aa"), "app secret leaked: " + text);
            }
        }
    }

    @Test
    void logLinesSayMethodRedactedUrlStatusAndTime() {
        graph.ok("{\"data\":[]}");
        client.conversations(PAGE, Folder.INBOX, 25, 10, null);
        String line = logs.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(l -> l.startsWith("GET ")).findFirst().orElseThrow();
        assertTrue(line.matches("GET http://\\S+/v25\\.0/111/conversations\\?\\S*appsecret_proof=\\*\\*\\* -> 200 in \\d+ ms"),
                line);
    }

    /** Another Page, so a hold on Page 111 does not block the network error cases. */
    private static final class PageAccessFor {
        final app.inboxsync.sync.PageAccess access;

        PageAccessFor(String pageId) {
            access = new app.inboxsync.sync.PageAccess(pageId, Secret.of(CANARY));
        }
    }
}
