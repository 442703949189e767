package app.inboxsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.SyncMode;
import app.inboxsync.domain.Text;
import app.inboxsync.graph.GraphSettings;
import app.inboxsync.graph.SkippedWaits;
import app.inboxsync.simulator.Fault;
import app.inboxsync.simulator.RequestInfo;
import app.inboxsync.simulator.SimConversation;
import app.inboxsync.simulator.SimMessage;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Whole syncs against the simulator answering like a broken or hostile Graph server, into the embedded
 * PostgreSQL: every run ends (failed with a sentence, or exact), nothing is lost, and no odd value sticks.
 */
class HostileDataTest {
    private static final DateTimeFormatter GRAPH_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssZ")
            .withZone(ZoneOffset.UTC);
    private static final Predicate<RequestInfo> LISTINGS = r -> r.path().endsWith("/conversations");
    private static final Predicate<RequestInfo> MESSAGES = r -> r.path().endsWith("/messages");

    private final SkippedWaits time = new SkippedWaits();
    private final List<String> waits = new CopyOnWriteArrayList<>();
    private final List<SyncEvent> events = new CopyOnWriteArrayList<>();
    private SyncFixture fx;

    private SyncFixture start(SimulatorConfig config, Function<GraphSettings, GraphSettings> settings) {
        fx = new SyncFixture(config, sim -> time.client(settings.apply(SyncFixture.unpaced(sim, 3)),
                (pageId, pause, reason) -> waits.add(reason)));
        return fx;
    }

    private SyncFixture start(SimulatorConfig config) {
        return start(config, s -> s);
    }

    @AfterEach
    void stop() {
        if (fx != null) {
            fx.sim.faults().clear();
            fx.close();
        }
    }

    private SyncResult sync(SimPage page, boolean full) {
        events.clear();
        return fx.service.sync(fx.request(page, full), events::add, new CancelSignal());
    }

    private record Run(String status, String error, int apiCalls) {
    }

    private Run lastRun(SimPage page) throws SQLException {
        try (Connection c = fx.db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "SELECT status, error, api_calls FROM sync_runs WHERE page_id = ? ORDER BY id DESC LIMIT 1")) {
            ps.setString(1, page.id());
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next());
                return new Run(rs.getString(1), rs.getString(2), rs.getInt(3));
            }
        }
    }

    /** The run failed with {@code says}, is recorded so with every call counted, and no Java word reached people. */
    private void assertFailedSaying(SimPage page, SyncResult result, String says) throws SQLException {
        assertEquals(SyncResult.Status.FAILED, result.status(), result.error());
        assertTrue(result.error().contains(says), result.error());
        assertFalse(result.error().matches("(?s).*(Exception|java\\.|OutOfMemory|Error:).*"), result.error());
        Run run = lastRun(page);
        assertEquals("failed", run.status());
        assertEquals(result.error(), run.error());
        assertEquals(fx.sim.requestCount(page.id()), run.apiCalls(), "every call that reached Facebook is counted");
        assertEquals(0, fx.count("SELECT count(*) FROM sync_runs WHERE status = 'running'"), "no run left running");
    }

    private void assertRecovers(SimPage page) throws Exception {
        fx.sim.faults().clear();
        SyncResult again = sync(page, false);
        assertTrue(again.succeeded(), again.error());
        fx.assertStoredEqualsSimulator(page);
        fx.assertNoDuplicates();
    }

    private String text(String sql, String arg) throws SQLException {
        try (Connection c = fx.db.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), sql);
                return rs.getString(1);
            }
        }
    }

    @ParameterizedTest(name = "same link: {0}")
    @ValueSource(booleans = {true, false})
    void aConversationsListingThatRepeatsItselfEndsTheRunFailedWithASentence(boolean sameLink) throws Exception {
        start(SimulatorConfig.small(1101).withPages(1).withConversations(150).withLongShare(0)); // no nested paging
        SimPage page = fx.page(0);
        fx.sim.faults().failNext(Integer.MAX_VALUE, new Fault.RepeatingNext(sameLink), LISTINGS);

        SyncResult result = sync(page, false);

        assertFailedSaying(page, result, "Facebook's listing of the inbox conversations of Page " + page.id()
                + " repeats itself");
        assertEquals(2, fx.sim.requestCount(page.id()), "stopped at the first page that brought nothing new");
        assertEquals(null, fx.watermark(page.id()));
        assertRecovers(page);
    }

    @ParameterizedTest(name = "same link: {0}")
    @ValueSource(booleans = {true, false})
    void aMessagesListingThatRepeatsItselfEndsTheRunFailedWithASentence(boolean sameLink) throws Exception {
        start(SimulatorConfig.small(1102).withPages(1).withConversations(40).withLongShare(0.3));
        SimPage page = fx.page(0);
        assertTrue(fx.sim.conversations(page.id()).stream().anyMatch(c -> c.messageCount() > 100),
                "a thread longer than the nested messages");
        fx.sim.faults().failNext(Integer.MAX_VALUE, new Fault.RepeatingNext(sameLink), MESSAGES);

        SyncResult result = sync(page, false);

        assertFailedSaying(page, result, "repeats itself");
        assertTrue(result.error().startsWith("Facebook's listing of the messages of conversation "), result.error());
        assertRecovers(page);
    }

    @Test
    void anEndlessAnswerIsCutOffAtTheCapAndTheRunFailsWithASentence() throws Exception {
        start(SimulatorConfig.small(1103).withPages(1).withConversations(30),
                s -> s.withAnswerLimits(Duration.ofMinutes(1), 1 << 20));
        SimPage page = fx.page(0);
        fx.sim.faults().failNext(Integer.MAX_VALUE, new Fault.EndlessBody(), LISTINGS);

        SyncResult result = sync(page, false);

        assertFailedSaying(page, result, "was larger than the 1 MB one answer may be");
        assertRecovers(page);
    }

    @Test
    void anOversizedAnswerIsRefusedBeforeItIsRead() throws Exception {
        start(SimulatorConfig.small(1104).withPages(1).withConversations(30));
        SimPage page = fx.page(0);
        fx.sim.faults().failNext(Integer.MAX_VALUE, new Fault.OversizedBody(300L << 20), LISTINGS);

        SyncResult result = sync(page, false);

        assertFailedSaying(page, result, "was larger than the 64 MB one answer may be");
        assertRecovers(page);
    }

    @Test
    void anAnswerTrickledAtOneBytePerSecondTimesOut() throws Exception {
        start(SimulatorConfig.small(1105).withPages(1).withConversations(10),
                s -> s.withRetries(2, Duration.ofMillis(1)).withAnswerLimits(Duration.ofMillis(800), 1 << 20));
        SimPage page = fx.page(0);
        fx.sim.faults().failNext(2, new Fault.Trickle(1), LISTINGS);

        SyncResult result = sync(page, false);

        assertFailedSaying(page, result, "(last: timed out)");
        assertTrue(waits.stream().anyMatch(w -> w.startsWith("Facebook did not answer (timed out): waiting ")),
                waits.toString());
        assertRecovers(page);
    }

    @Test
    void aMessageTextOfTwentyOneMegabytesIsStored() throws Exception {
        start(SimulatorConfig.small(1106).withPages(1).withConversations(20));
        SimPage page = fx.page(0);
        fx.sim.faults().failNext(1, new Fault.HugeText(21_000_000), LISTINGS);

        SyncResult result = sync(page, false);

        assertTrue(result.succeeded(), result.error());
        SimConversation newest = fx.sim.conversations(page.id()).stream()
                .filter(c -> c.folder().equals("inbox")).max(java.util.Comparator.comparing(SimConversation::updatedTime))
                .orElseThrow();
        String newestMessage = fx.sim.messages(newest.id()).stream()
                .max(java.util.Comparator.comparing(SimMessage::createdTime)).orElseThrow().id();
        assertEquals("21000000", text("SELECT length(text)::text FROM messenger_messages WHERE message_id = ?",
                newestMessage));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"9999-12-31T23:59:59+0000", "three days ahead"})
    void aTimeFarInTheFutureNeverBecomesTheWatermark(String odd) throws Exception {
        start(SimulatorConfig.small(1107).withPages(1).withConversations(60));
        SimPage page = fx.page(0);
        String time = odd.startsWith("9999") ? odd : GRAPH_TIME.format(Instant.now().plus(Duration.ofDays(3)));
        fx.sim.faults().failNext(1, new Fault.OddTime(time), LISTINGS);

        SyncResult first = sync(page, false);

        assertTrue(first.succeeded(), first.error());
        Instant watermark = fx.watermark(page.id());
        assertTrue(!watermark.isAfter(Instant.now().plus(Duration.ofMinutes(5))), "watermark " + watermark);
        assertTrue(events.stream().anyMatch(e -> e instanceof SyncEvent.Notice n
                && n.message().contains("later than the time it answered")), events.toString());
        assertEquals(1, fx.count("SELECT count(*) FROM messenger_conversations WHERE last_message_time > now() + "
                + "interval '1 day'"), "the odd time is kept as Facebook gave it");
        assertEquals(1, fx.count("SELECT count(*) FROM messenger_conversations WHERE odd_updated_time"), "and flagged");

        SimConversation quiet = fx.sim.conversations(page.id()).stream().filter(c -> c.folder().equals("inbox"))
                .min(java.util.Comparator.comparing(SimConversation::updatedTime)).orElseThrow();
        SimMessage news = fx.sim.addMessage(quiet.id(), true, "a message after the odd time");

        SyncResult next = sync(page, false);

        assertTrue(next.succeeded(), next.error());
        assertEquals(SyncMode.INCREMENTAL, next.mode());
        assertEquals(news.id(), text("SELECT message_id FROM messenger_messages WHERE message_id = ?", news.id()),
                "the incremental sync after the odd time still finds what changed");
        assertTrue(sync(page, true).succeeded());
        fx.assertStoredEqualsSimulator(page);
        assertEquals(0, fx.count("SELECT count(*) FROM messenger_conversations WHERE odd_updated_time"),
                "the flag goes once Facebook gives a sensible time again");
    }

    @Test
    void aStoredWatermarkInTheFutureIsNotTrustedTheNextSyncReadsEverything() throws Exception {
        start(SimulatorConfig.small(1108).withPages(1).withConversations(30));
        SimPage page = fx.page(0);
        assertTrue(sync(page, false).succeeded());
        try (Connection c = fx.db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE facebook_pages SET last_synced_at = "
                     + "'9999-12-31T23:59:59Z' WHERE facebook_page_id = ?")) {
            ps.setString(1, page.id());
            assertEquals(1, ps.executeUpdate());
        }

        SyncResult result = sync(page, false);

        assertTrue(result.succeeded(), result.error());
        assertEquals(SyncMode.FULL, result.mode());
        assertTrue(fx.watermark(page.id()).isBefore(Instant.now().plus(Duration.ofMinutes(6))));
    }

    @Test
    void aNegativeMessageCountIsNotStoredAsItCame() throws Exception {
        start(SimulatorConfig.small(1109).withPages(1).withConversations(20));
        SimPage page = fx.page(0);
        fx.sim.faults().failNext(1, new Fault.OddCount(-7), LISTINGS);

        assertTrue(sync(page, false).succeeded());

        assertEquals(0, fx.count("SELECT count(*) FROM messenger_conversations WHERE message_count < 0"));
        assertTrue(fx.count("SELECT coalesce(sum(message_count), 0) FROM messenger_conversations")
                <= fx.count("SELECT count(*) FROM messenger_messages"), "coverage never above 100 %");
    }

    @Test
    void participantsWithoutAnIdKeepTheirNames() throws Exception {
        start(SimulatorConfig.small(1110).withPages(1).withConversations(20));
        SimPage page = fx.page(0);
        fx.sim.faults().failNext(Integer.MAX_VALUE, new Fault.ParticipantWithoutId(), LISTINGS);

        assertTrue(sync(page, false).succeeded());

        for (SimConversation c : fx.sim.conversations(page.id())) {
            assertEquals(Text.clean(c.customerName()),
                    text("SELECT sender_name FROM messenger_conversations WHERE conversation_id = ?", c.id()), c.id());
        }
    }

    @Test
    void aConversationListedInTwoFoldersIsNotRewrittenBySyncsThatChangeNothing() throws Exception {
        start(SimulatorConfig.small(1111).withPages(1).withConversations(40));
        SimPage page = fx.page(0);
        SimConversation twice = fx.sim.conversations(page.id()).stream().filter(c -> c.folder().equals("inbox"))
                .findFirst().orElseThrow();
        fx.sim.faults().failNext(Integer.MAX_VALUE, new Fault.AlsoListedIn(twice.id(), "spam"), LISTINGS);
        assertTrue(sync(page, true).succeeded());

        SyncResult again = sync(page, true);

        assertTrue(again.succeeded(), again.error());
        assertEquals(0, again.counts().conversationsUpdated(), "a sync that changes nothing rewrites nothing");
        assertEquals("inbox", text("SELECT folder FROM messenger_conversations WHERE conversation_id = ?", twice.id()));
        fx.assertStoredEqualsSimulator(page);
    }

    @Test
    void aMessageListedInTwoConversationsStaysWithTheFirstAndCountsMatch() throws Exception {
        start(SimulatorConfig.small(1112).withPages(1).withConversations(30));
        SimPage page = fx.page(0);
        List<SimConversation> inbox = fx.sim.conversations(page.id()).stream()
                .filter(c -> c.folder().equals("inbox") && c.messageCount() > 1 && c.messageCount() < 100)
                .sorted(java.util.Comparator.comparing(SimConversation::updatedTime).reversed()).toList();
        SimConversation owner = inbox.get(0);
        SimConversation other = inbox.get(1); // older: listed after the owner, in the same batch
        SimMessage shared = fx.sim.messages(owner.id()).get(0);
        fx.sim.faults().failNext(Integer.MAX_VALUE, new Fault.SharedMessage(shared.id(), other.id()), LISTINGS);

        assertTrue(sync(page, true).succeeded());
        SyncResult again = sync(page, true);

        assertTrue(again.succeeded(), again.error());
        assertEquals(0, again.counts().messagesUpdated(), "not moved back and forth");
        assertEquals(owner.id(), text("SELECT conversation_id FROM messenger_messages WHERE message_id = ?",
                shared.id()));
        for (SimConversation c : List.of(owner, other)) {
            assertEquals(String.valueOf(fx.sim.messages(c.id()).size()), text("SELECT count(*)::text FROM "
                    + "messenger_messages WHERE conversation_id = ?", c.id()), "stored messages of " + c.id());
        }
        fx.sim.faults().clear();
        fx.assertStoredEqualsSimulator(page);
    }

    @Test
    void tooManyRequestsWithRetryAfterIsWaitedAsAsked() throws Exception {
        start(SimulatorConfig.small(1113).withPages(1).withConversations(20));
        SimPage page = fx.page(0);
        fx.sim.faults().failNext(1, new Fault.TooManyRequests("10"), LISTINGS);

        SyncResult result = sync(page, false);

        assertTrue(result.succeeded(), result.error());
        assertEquals(Duration.ofSeconds(10), time.skipped(), "waited exactly what the server asked");
        assertTrue(waits.contains("Facebook rate limit (HTTP 429): waiting 10 s"), waits.toString());
        assertEquals(fx.sim.requestCount(page.id()), lastRun(page).apiCalls());
    }

    @Test
    void tooManyRequestsWithAnHttpDateIsReadAgainstTheServersClock() throws Exception {
        start(SimulatorConfig.small(1114).withPages(1).withConversations(20));
        SimPage page = fx.page(0);
        String in20s = DateTimeFormatter.RFC_1123_DATE_TIME.format(
                Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(20).atZone(ZoneOffset.UTC));
        fx.sim.faults().failNext(1, new Fault.TooManyRequests(in20s), LISTINGS);

        SyncResult result = sync(page, false);

        assertTrue(result.succeeded(), result.error());
        Duration waited = time.skipped();
        assertTrue(waited.compareTo(Duration.ofSeconds(17)) >= 0 && waited.compareTo(Duration.ofSeconds(21)) <= 0,
                "about 20 s by the server's Date header: " + waited);
    }

    @Test
    void aFailedRunCountsEveryAttemptThatReachedFacebook() throws Exception {
        start(SimulatorConfig.small(1115).withPages(1).withConversations(20));
        SimPage page = fx.page(0);
        fx.sim.faults().failNext(Integer.MAX_VALUE, new Fault.ServerError(502), LISTINGS);

        SyncResult result = sync(page, false);

        assertFailedSaying(page, result, "did not answer after 3 attempts");
        assertEquals(3, lastRun(page).apiCalls());
        assertEquals(3, result.apiCalls());
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403})
    void anHtmlRefusalSaysWhatTheStatusMeans(int status) throws Exception {
        start(SimulatorConfig.small(1116).withPages(1).withConversations(10));
        SimPage page = fx.page(0);
        fx.sim.faults().failNext(1, new Fault.ServerError(status), LISTINGS);

        SyncResult result = sync(page, false);

        assertFailedSaying(page, result, "HTTP " + status);
        assertFalse(result.error().contains("fbtrace_id"), result.error());
        assertNotNull(lastRun(page).error());
        assertRecovers(page);
    }
}
