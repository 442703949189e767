package app.inboxsync.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Determinism, mutations while paging, awkward data, and a big world's cost. */
class WorldBehaviourTest {

    @Test
    void sameSeedSameWorld() {
        try (GraphSimulator a = GraphSimulator.start(SimulatorConfig.small(11));
                GraphSimulator b = GraphSimulator.start(SimulatorConfig.small(11));
                GraphSimulator c = GraphSimulator.start(SimulatorConfig.small(12))) {
            assertEquals(a.pages(), b.pages());
            assertEquals(a.userToken(), b.userToken());
            String page = a.pages().get(1).id();
            assertEquals(a.conversations(page), b.conversations(page));
            String conv = a.conversations(page).get(5).id();
            assertEquals(a.messages(conv), b.messages(conv));
            assertFalse(a.pages().get(0).id().equals(c.pages().get(0).id()));
        }
    }

    @Test
    void keysetCursorIsStableWhenMessagesArriveAtTheTop() {
        try (GraphSimulator sim = GraphSimulator.start(SimulatorConfig.small(5))) {
            TestGraph graph = new TestGraph(sim);
            SimPage page = sim.pages().get(0);
            List<SimConversation> inbox = sim.conversations(page.id()).stream().filter(c -> c.folder().equals("inbox")).toList();
            JsonNode first = graph.get("/" + page.id() + "/conversations?fields=id&limit=10&access_token=" + page.token()).json();
            // Conversations from further down jump to the top; the next page must neither repeat nor skip.
            SimMessage added = sim.addMessage(inbox.get(30).id(), true, "new 🎉");
            sim.addMessage(inbox.get(3).id(), false, "reply");
            assertTrue(added.createdTime().isAfter(inbox.get(0).updatedTime()));
            List<String> rest = new ArrayList<>();
            String next = first.path("paging").path("next").asText();
            while (next != null) {
                JsonNode answer = graph.getUrl(next).json();
                answer.path("data").forEach(c -> rest.add(c.path("id").asText()));
                next = answer.path("paging").path("next").asText(null);
            }
            List<String> expected = inbox.subList(10, inbox.size()).stream().map(SimConversation::id)
                    .filter(id -> !id.equals(inbox.get(30).id())).toList();
            assertEquals(expected, rest);
            assertEquals(List.of(inbox.get(3).id(), inbox.get(30).id()),
                    sim.conversations(page.id()).subList(0, 2).stream().map(SimConversation::id).toList());
            assertEquals(added, sim.messages(inbox.get(30).id()).get(0));
        }
    }

    @Test
    void mutationsShowInListings() {
        try (GraphSimulator sim = GraphSimulator.start(SimulatorConfig.small(6))) {
            SimPage page = sim.pages().get(0);
            SimConversation created = sim.addConversation(page.id(), "other", 3);
            assertEquals(3, sim.messages(created.id()).size());
            assertEquals(created.id(), sim.conversations(page.id()).get(0).id());
            SimConversation victim = sim.conversations(page.id()).get(5);
            sim.deleteConversation(victim.id());
            assertTrue(sim.conversations(page.id()).stream().noneMatch(c -> c.id().equals(victim.id())));
            sim.moveToFolder(created.id(), "spam");
            assertEquals("spam", sim.conversations(page.id()).get(0).folder());
            JsonNode spam = new TestGraph(sim).get("/" + page.id() + "/conversations?folder=spam&fields=id&access_token="
                    + page.token()).json();
            assertEquals(created.id(), spam.path("data").get(0).path("id").asText());
        }
    }

    @Test
    void awkwardDataIsThere() {
        try (GraphSimulator sim = GraphSimulator.start(SimulatorConfig.small(8).withConversations(400))) {
            Set<String> kinds = new HashSet<>();
            for (SimPage page : sim.pages()) {
                for (SimConversation c : sim.conversations(page.id())) {
                    assertTrue(c.updatedTime().isBefore(Instant.parse("2026-01-01T00:00:00Z")));
                    if (c.customerName() == null) {
                        kinds.add("nameless");
                    }
                    for (SimMessage m : sim.messages(c.id())) {
                        String t = m.text() == null ? "" : m.text();
                        if (m.detailsUnavailable()) kinds.add("unavailable");
                        if (t.length() >= 5000) kinds.add("long");
                        if (t.indexOf('\u0000') >= 0) kinds.add("nul");
                        if (t.codePoints().anyMatch(cp -> cp > 0xFFFF)) kinds.add("4-byte");
                        if (t.codePoints().anyMatch(cp -> Character.getDirectionality(cp) == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC)) kinds.add("rtl");
                        if (m.attachmentsJson() != null && t.isEmpty()) kinds.add("attachment-only");
                        if (m.sticker() != null) kinds.add("sticker");
                        if (m.sharesJson() != null) kinds.add("share");
                    }
                }
            }
            assertEquals(Set.of("nameless", "unavailable", "long", "nul", "4-byte", "rtl", "attachment-only", "sticker",
                    "share"), kinds);
        }
    }

    @Test
    void bigWorldFitsInLittleMemoryAndServesFullPages() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long usedBefore = rt.totalMemory() - rt.freeMemory();
        // how fast it starts and serves is the bench's business (a timed assertion fails on a busy machine)
        try (GraphSimulator sim = GraphSimulator.start(SimulatorConfig.small(1).withPages(5).withConversations(20_000)
                .withAverageMessages(20))) {
            System.gc();
            long usedMb = (rt.totalMemory() - rt.freeMemory() - usedBefore) / (1024 * 1024);
            assertTrue(usedMb < 100, "world holds " + usedMb + " MB");
            SimPage page = sim.pages().get(4);
            List<SimConversation> all = sim.conversations(page.id());
            double average = all.stream().mapToInt(SimConversation::messageCount).average().orElseThrow();
            double longShare = all.stream().filter(c -> c.messageCount() > 100).count() / (double) all.size();
            assertTrue(average > 18 && average < 22, "average " + average);
            assertTrue(longShare > 0.08 && longShare < 0.12, "long share " + longShare);
            TestGraph graph = new TestGraph(sim);
            String url = "/v25.0/" + page.id() + "/conversations?limit=100&fields=" + TestGraph.enc("id,updated_time,"
                    + "participants,message_count,snippet,messages.limit(100){id,created_time,from,to,message,attachments,"
                    + "sticker,shares}") + "&access_token=" + page.token();
            assertEquals(100, graph.get(url).json().path("data").size());
        }
    }
}
