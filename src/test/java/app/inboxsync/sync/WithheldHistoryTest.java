package app.inboxsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Text;
import app.inboxsync.read.PageSummary;
import app.inboxsync.simulator.Fault;
import app.inboxsync.simulator.SimConversation;
import app.inboxsync.simulator.SimMessage;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.simulator.Withholding;
import app.inboxsync.store.read.PageRepository;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * History Facebook withholds, in every form the simulator can give it (an error on the messages edge: "deleted",
 * "unavailable", an unsupported request, a permission error on that thread only; messages without details, with
 * time or with nothing but their id), for one conversation or for every long one: the Page's sync succeeds, the
 * copy holds exactly what Facebook gave, and the withheld conversations are flagged and counted everywhere.
 */
class WithheldHistoryTest {
    private static final int NESTED = GraphGateway.MAX_LIMIT;
    private static final int KEEP = Withholding.META_DETAIL_LIMIT;

    static Stream<Arguments> forms() {
        return Stream.of(Withholding.Form.values())
                .flatMap(f -> Stream.of(Arguments.of(f, true), Arguments.of(f, false)));
    }

    @ParameterizedTest(name = "{0}, every long one: {1}")
    @MethodSource("forms")
    void withheldHistoryIsKeptAsGivenFlaggedAndCountedAndThePageSucceeds(Withholding.Form form, boolean everyLongOne)
            throws Exception {
        try (SyncFixture fx = new SyncFixture(SimulatorConfig.small(77).withPages(1).withConversations(90)
                .withLongShare(0.3).withHugeShare(0.03))) {
            SimPage page = fx.page(0);
            if (everyLongOne) {
                // over HTTP, as a demo-server is told
                HttpResponse<String> set = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(fx.sim.baseUrl() + "/_sim/withhold?form=" + form.wireName() + "&keep=" + KEEP))
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, set.statusCode(), set.body());
            } else {
                SimConversation longest = fx.sim.conversations(page.id()).stream()
                        .max(java.util.Comparator.comparingInt(SimConversation::messageCount)).orElseThrow();
                fx.sim.withholding().withhold(form, longest.id(), KEEP);
            }
            List<SyncEvent> events = new CopyOnWriteArrayList<>();
            SyncResult result = fx.service.sync(fx.request(page, false), events::add, new CancelSignal());

            assertTrue(result.succeeded(), result.error());
            Map<String, String> expected = new TreeMap<>();
            Set<String> expectedWithheld = new TreeSet<>();
            for (SimConversation c : fx.sim.conversations(page.id())) {
                given(fx, form, c, expected, expectedWithheld);
            }
            assertTrue(expectedWithheld.size() >= (everyLongOne ? 10 : 1), "withheld: " + expectedWithheld.size());
            assertEquals(expected, stored(fx, page.id()), "the copy holds exactly what Facebook gave");
            fx.assertNoDuplicates();

            Map<String, String[]> states = states(fx, page.id());
            Set<String> withheld = new TreeSet<>();
            states.forEach((id, s) -> {
                assertTrue(!s[0].equals("pending"), id + " is left pending");
                if (s[0].equals("withheld")) {
                    withheld.add(id);
                    assertTrue(s[1] != null && !s[1].isBlank(), "Facebook's words are kept for " + id);
                }
            });
            assertEquals(expectedWithheld, withheld, "flagged withheld");
            if (form.refuses()) {
                String[] one = states.get(expectedWithheld.stream().filter(id -> isRefused(fx, form, id))
                        .findFirst().orElseThrow());
                assertEquals(form == Withholding.Form.PERMISSION ? "200" : "100", one[2], "Facebook's error code");
                String words = switch (form) {
                    case DELETED -> "deleted";
                    case UNAVAILABLE -> "unavailable";
                    case UNSUPPORTED -> "unsupported get request";
                    default -> "permissions error";
                };
                assertTrue(one[1].toLowerCase(Locale.ROOT).contains(words), one[1]);
            }

            // counted everywhere: the engine's coverage (sync --json's complete event), pages list and the sidebar
            List<SyncEvent.Notice> notices = events.stream().filter(e -> e instanceof SyncEvent.Notice)
                    .map(e -> (SyncEvent.Notice) e).filter(n -> n.message().contains("out of reach")).toList();
            assertEquals(1, notices.size(), "one notice per sync: " + notices);
            int n = expectedWithheld.size();
            assertTrue(notices.get(0).message().contains("older messages of " + n + (n == 1 ? " conversation " : " conversations ")),
                    notices.get(0).message());
            SyncEvent.Completed done = (SyncEvent.Completed) events.get(events.size() - 1);
            assertEquals(n, done.coverage().withheldHistories());
            assertEquals(0, done.coverage().pendingHistories());
            assertEquals(expected.size(), done.coverage().messages());
            PageSummary listed = new PageRepository(fx.db).findPage(page.id()).orElseThrow();
            assertEquals(n, listed.withheldHistories());
            assertEquals(0, listed.pendingHistories());

            // withheld is not asked again while nothing changes: one call per folder
            SyncResult again = fx.sync(page);
            assertTrue(again.succeeded(), again.error());
            assertEquals(Folder.ALL.size(), again.apiCalls());
        }
    }

    @Test
    void aPermissionLostForTheWholePageInTheHistoryPhaseStillFailsThePage() throws Exception {
        try (SyncFixture fx = new SyncFixture(SimulatorConfig.small(78).withPages(1).withConversations(60)
                .withLongShare(0.3))) {
            SimPage page = fx.page(0);
            AtomicBoolean lost = new AtomicBoolean();
            fx.sim.faults().failNext(1_000, new Fault.GraphError(403, 200, 0, "(#200) Permissions error"), call -> {
                if (call.path().endsWith("/messages")) {
                    lost.set(true);
                }
                return lost.get();
            });
            SyncResult result = fx.sync(page);
            assertEquals(SyncResult.Status.FAILED, result.status());
            assertTrue(result.error().contains("lacks a permission"), result.error());
            assertEquals(0, fx.count("SELECT count(*) FROM messenger_conversations WHERE history_state = 'withheld'"
                    + " AND history_withheld_code IS NOT NULL"), "no thread is taken for refused: the Page is");
            assertTrue(fx.count("SELECT count(*) FROM messenger_conversations WHERE history_state = 'pending'") > 0);
            assertEquals(null, fx.watermark(page.id()));
            fx.sim.faults().clear();
            assertTrue(fx.sync(page).succeeded());
            fx.assertStoredEqualsSimulator(page);
        }
    }

    private static boolean isRefused(SyncFixture fx, Withholding.Form form, String id) {
        List<SimMessage> truth = fx.sim.messages(id);
        return truth.size() > NESTED && fx.sim.withholding().ruleAt(id, truth.size(), NESTED) != null;
    }

    /**
     * What Facebook gives of one conversation, as the engine walks it: the nested newest 100, then pages of 100.
     * A refusing form answers the first page past {@code keep} with an error; a detail form strips the messages
     * past {@code keep}, and a page of nothing but stripped messages is the last one asked for.
     */
    private static void given(SyncFixture fx, Withholding.Form form, SimConversation c, Map<String, String> into,
                              Set<String> withheld) {
        List<SimMessage> truth = fx.sim.messages(c.id());
        int n = truth.size();
        boolean detailless = false;
        for (int start = 0; start < n; start += NESTED) {
            Withholding.Rule rule = fx.sim.withholding().ruleAt(c.id(), n, start);
            if (start > 0 && rule != null && form.refuses()) {
                withheld.add(c.id());
                return;
            }
            boolean wholePageWithout = true;
            for (int p = start; p < Math.min(n, start + NESTED); p++) {
                SimMessage m = truth.get(p);
                boolean stripped = !form.refuses() && fx.sim.withholding().ruleAt(c.id(), n, p) != null;
                boolean without = stripped || m.detailsUnavailable();
                wholePageWithout &= without;
                detailless |= without;
                into.put(m.id(), without ? "no details" : String.valueOf(blankToNull(Text.clean(m.text()))));
            }
            if (wholePageWithout) {
                break;
            }
        }
        if (detailless) {
            withheld.add(c.id());
        }
    }

    private static Map<String, String> stored(SyncFixture fx, String pageId) throws Exception {
        Map<String, String> stored = new TreeMap<>();
        try (Connection c = fx.db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT message_id, text, details_unavailable FROM messenger_messages WHERE page_id = ?")) {
            s.setString(1, pageId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), rs.getBoolean(3) ? "no details" : String.valueOf(rs.getString(2)));
                }
            }
        }
        return stored;
    }

    private static Map<String, String[]> states(SyncFixture fx, String pageId) throws Exception {
        Map<String, String[]> states = new TreeMap<>();
        try (Connection c = fx.db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT conversation_id, history_state, history_withheld_reason,"
                     + " history_withheld_code FROM messenger_conversations WHERE page_id = ?")) {
            s.setString(1, pageId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    states.put(rs.getString(1), new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
                }
            }
        }
        return states;
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
