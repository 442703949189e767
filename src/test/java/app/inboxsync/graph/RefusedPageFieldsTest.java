package app.inboxsync.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.PageGrant;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.domain.Secret;
import app.inboxsync.simulator.GraphSimulator;
import app.inboxsync.simulator.Refusals;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.sync.GraphException;
import app.inboxsync.sync.GraphObserver;
import app.inboxsync.sync.RefusalMemory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** /me and /me/accounts without the fields a Graph version dropped, and the fields expression they are left out of. */
class RefusedPageFieldsTest {

    /** An in-memory RefusalMemory: what the database would keep. */
    static final class Remembered implements RefusalMemory {
        final List<Refusal> kept = new CopyOnWriteArrayList<>();

        @Override
        public List<Refusal> recall(String graphVersion, Instant since) {
            return kept.stream().filter(r -> r.graphVersion().equals(graphVersion) && !r.at().isBefore(since)).toList();
        }

        @Override
        public void remember(Refusal refusal) {
            kept.add(refusal);
        }
    }

    @Test
    void aPageIsIdentifiedWithoutItsCategoryAndTheRefusalIsPaidOnce() {
        try (GraphSimulator sim = GraphSimulator.start(SimulatorConfig.small(51))) {
            sim.refusals().refuseField(Refusals.Edge.ME, "category");
            SimPage page = sim.pages().get(0);
            List<String> notices = new ArrayList<>();
            Remembered memory = new Remembered();
            try (GraphClient graph = client(sim, notices, memory)) {
                PageProfile profile = graph.identifyPage(Secret.of(page.token()));
                assertEquals(new PageProfile(page.id(), page.name(), null), profile);
                graph.identifyPage(Secret.of(sim.pages().get(1).token()));
            }
            assertEquals(1, sim.refusals().refusedCalls());
            assertEquals(List.of("Facebook v25.0 no longer gives Page categories: the Page's category stays empty."), notices);
            try (GraphClient next = client(sim, notices, memory)) {
                assertEquals(page.id(), next.identifyPage(Secret.of(page.token())).id());
            }
            assertEquals(1, sim.refusals().refusedCalls(), "remembered for the next process");
        }
    }

    @Test
    void theAccountsListingGoesOnWithoutAnOptionalFieldAndFailsWithoutTheTokens() {
        try (GraphSimulator sim = GraphSimulator.start(SimulatorConfig.small(52))) {
            sim.refusals().refuseField(Refusals.Edge.ACCOUNTS, "category");
            List<String> notices = new ArrayList<>();
            try (GraphClient graph = client(sim, notices, new Remembered())) {
                List<PageGrant> grants = graph.listPages(Secret.of(sim.userToken())).grants();
                assertEquals(sim.pages().size(), grants.size());
                grants.forEach(g -> assertNull(g.page().category()));
                assertEquals(1, notices.size());

                sim.refusals().refuseField(Refusals.Edge.ACCOUNTS, "access_token");
                GraphException e = assertThrows(GraphException.class, () -> graph.listPages(Secret.of(sim.userToken())));
                assertEquals(GraphException.Kind.INVALID_REQUEST, e.kind());
                assertTrue(e.getMessage().startsWith("Facebook v25.0 no longer serves the field access_token of the Pages "
                        + "of a user token, which Inbox Sync cannot do without, so Pages cannot be added with this Graph "
                        + "version."), e.getMessage());
                assertTrue(!e.getMessage().contains(sim.userToken()), "no token in the sentence");
            }
        }
    }

    @Test
    void refusedNamesLeaveTheFieldsExpressionAtTheirLevelOnly() {
        String fields = "id,link,snippet,messages.limit(5){id,sticker,from,link},unread_count";
        assertEquals("id,snippet,messages.limit(5){id,from,link},unread_count",
                GraphFields.without(fields, n -> n.equals("link"), n -> n.equals("sticker")));
        assertTrue(GraphFields.asks(fields, "sticker", true));
        assertTrue(!GraphFields.asks(fields, "sticker", false));
        assertEquals(GraphClient.CONVERSATION_FIELDS, "id,updated_time,participants,message_count,unread_count,snippet,can_reply,link");
        assertEquals(GraphClient.MESSAGE_FIELDS, "id,created_time,from,to,message,attachments,sticker,shares");
        assertEquals("id,updated_time,participants,link,messages.limit(3){id,created_time,from,message}",
                GraphFields.conversations(3, n -> !n.equals("link"), n -> true), "required fields are never left out");
    }

    private static GraphClient client(GraphSimulator sim, List<String> notices, RefusalMemory memory) {
        GraphSettings settings = GraphSettings.defaults(sim.baseUrl()).withCallsPerSecondPerPage(0)
                .withRetries(2, Duration.ofMillis(1));
        return new GraphClient(settings, new GraphObserver() {
            @Override
            public void waiting(String pageId, Duration wait, String reason) {
            }

            @Override
            public void noticed(String pageId, String message) {
                notices.add(message);
            }
        }, memory);
    }
}
