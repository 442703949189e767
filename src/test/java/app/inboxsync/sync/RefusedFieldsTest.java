package app.inboxsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.SyncMode;
import app.inboxsync.simulator.Refusals;
import app.inboxsync.simulator.SimConversation;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Graph version that stops serving fields (the simulator refuses them by name, with Graph's error 100): the
 * sync goes on without each optional one, says so once, remembers the refusal in the database so the next run
 * does not pay for it, and fails only on a required field, with a sentence.
 */
class RefusedFieldsTest {
    private static final Set<String> CONVERSATION_FIELDS = Set.of("message_count", "unread_count", "snippet", "can_reply", "link");
    private static final Set<String> MESSAGE_FIELDS = Set.of("to", "attachments", "sticker", "shares");

    static Stream<Arguments> optionalFields() {
        Stream<Set<String>> alone = Stream.concat(CONVERSATION_FIELDS.stream(), MESSAGE_FIELDS.stream()).sorted().map(Set::of);
        Set<String> all = new java.util.HashSet<>(CONVERSATION_FIELDS);
        all.addAll(MESSAGE_FIELDS);
        return Stream.concat(alone, Stream.of(Set.copyOf(all))).map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("optionalFields")
    void withoutAnOptionalFieldFullAndIncrementalSyncsCopyEverythingElseAndPayTheRefusalOnce(Set<String> refused)
            throws SQLException {
        try (RefusalFixture fx = new RefusalFixture(SimulatorConfig.small(31).withPages(1).withConversations(30))) {
            refuse(fx, refused);
            SimPage page = fx.page(0);

            RefusalFixture.Run full = fx.sync(page, false);
            assertTrue(full.result().succeeded(), full.result().error());
            assertEquals(SyncMode.FULL, full.result().mode());
            assertEquals(refused.size(), full.refusedCalls(), "each refused field costs one refused call");
            assertEquals(full.requests(), full.result().apiCalls(), "the refused calls are counted as calls");
            List<String> notices = full.notices();
            assertEquals(refused.size(), notices.size(), "one notice per refusal: " + notices);
            notices.forEach(n -> assertTrue(n.startsWith("Facebook v25.0 no longer gives "), n));
            fx.assertCopyEqualsSimulator(page, refused);

            List<SimConversation> all = fx.sim.conversations(page.id());
            fx.sim.addMessage(all.get(3).id(), true, "Is the blue one back?");
            fx.sim.addMessage(all.get(7).id(), false, "Yes, since Monday 🎉");
            fx.sim.addConversation(page.id(), "inbox", 3);

            RefusalFixture.Run next = fx.sync(page, false);
            assertTrue(next.result().succeeded(), next.result().error());
            assertEquals(SyncMode.INCREMENTAL, next.result().mode());
            assertEquals(0, next.refusedCalls(), "the next run (a new process) does not ask for the refused field again");
            assertEquals(List.of(), next.notices(), "the notice was given once");
            fx.assertCopyEqualsSimulator(page, refused);
        }
    }

    @Test
    void pagesSyncingAtOnceSayARefusalOnceBetweenThem() throws SQLException {
        try (RefusalFixture fx = new RefusalFixture(SimulatorConfig.small(33).withPages(4).withConversations(15))) {
            fx.sim.refusals().refuseField(Refusals.Edge.CONVERSATIONS, "unread_count");
            fx.sim.refusals().refuseMessageField("shares");
            RefusalFixture.Run all = fx.syncAll(4);
            assertEquals(2, all.notices().size(), "one notice per refusal, whichever Page met it: " + all.notices());
            assertTrue(all.refusedCalls() >= 2 && all.refusedCalls() <= 2 * 4, "at most each Page's first call: "
                    + all.refusedCalls());
            for (int p = 0; p < 4; p++) {
                fx.assertCopyEqualsSimulator(fx.page(p), Set.of("unread_count", "shares"));
            }
        }
    }

    @Test
    void withEverythingServedNothingIsRefusedAndNothingIsSaid() throws SQLException {
        try (RefusalFixture fx = new RefusalFixture(SimulatorConfig.small(31).withPages(1).withConversations(30))) {
            RefusalFixture.Run run = fx.sync(fx.page(0), false);
            assertTrue(run.result().succeeded(), run.result().error());
            assertEquals(0, run.refusedCalls());
            assertEquals(List.of(), run.notices());
            fx.assertCopyEqualsSimulator(fx.page(0), Set.of());
        }
    }

    @ParameterizedTest
    @CsvSource({"CONVERSATIONS,participants,conversations", "CONVERSATIONS,updated_time,conversations",
            "NESTED_MESSAGES,from,messages", "NESTED_MESSAGES,message,messages"})
    void aRefusedRequiredFieldFailsThePageWithASentenceThatNamesItAndTheGraphVersion(Refusals.Edge edge, String field,
            String of) throws SQLException {
        try (RefusalFixture fx = new RefusalFixture(SimulatorConfig.small(31).withPages(1).withConversations(10))) {
            fx.sim.refusals().refuseField(edge, field);
            SimPage page = fx.page(0);
            RefusalFixture.Run run = fx.sync(page, false);
            assertEquals(SyncResult.Status.FAILED, run.result().status());
            String error = run.result().error();
            assertTrue(error.startsWith("Facebook v25.0 no longer serves the field " + field + " of " + of
                    + ", which Inbox Sync cannot do without, so Page " + page.id() + " cannot be synced with this "
                    + "Graph version. Choose a Graph version that still serves it"), error);
            assertTrue(error.contains("(#100) Tried accessing nonexisting field (" + field + ")"), error);
            assertFalse(error.contains("Exception"), error);
            assertEquals(1, fx.count("SELECT count(*) FROM sync_runs WHERE page_id = ? AND status = 'failed' AND error LIKE "
                    + "'Facebook v25.0 no longer serves the field%'", page.id()));
            assertEquals(0, fx.count("SELECT count(*) FROM graph_refusals WHERE graph_version = ?", "v25.0"),
                    "a required field is not left out next time");
        }
    }

    @Test
    void aRefusalIsPerGraphVersionAndIsTriedAgainADayLater() throws SQLException {
        try (RefusalFixture fx = new RefusalFixture(SimulatorConfig.small(32).withPages(1).withConversations(20))) {
            SimPage page = fx.page(0);
            fx.sim.refusals().refuseField(Refusals.Edge.CONVERSATIONS, "unread_count", "v25.0");

            RefusalFixture.Run v25 = fx.sync(page, false, "v25.0");
            assertEquals(1, v25.refusedCalls());
            fx.assertCopyEqualsSimulator(page, Set.of("unread_count"));

            RefusalFixture.Run v26 = fx.sync(page, true, "v26.0");
            assertTrue(v26.result().succeeded(), v26.result().error());
            assertEquals(0, v26.refusedCalls(), "another Graph version is asked for the field");
            assertEquals(List.of(), v26.notices());
            fx.assertCopyEqualsSimulator(page, Set.of());

            RefusalFixture.Run back = fx.sync(page, true, "v25.0");
            assertEquals(0, back.refusedCalls(), "v25.0's refusal is remembered");
            fx.assertCopyEqualsSimulator(page, Set.of("unread_count"));

            ageRefusals(fx);
            RefusalFixture.Run dayLater = fx.sync(page, true, "v25.0");
            assertEquals(1, dayLater.refusedCalls(), "a day later the field is asked for again");
            assertEquals(1, dayLater.notices().size());

            fx.sim.refusals().clear();
            ageRefusals(fx);
            RefusalFixture.Run served = fx.sync(page, true, "v25.0");
            assertEquals(0, served.refusedCalls());
            fx.assertCopyEqualsSimulator(page, Set.of());
        }
    }

    private static void ageRefusals(RefusalFixture fx) throws SQLException {
        try (Connection c = fx.db.dataSource().getConnection()) {
            c.createStatement().executeUpdate("UPDATE graph_refusals SET refused_at = refused_at - interval '25 hours'");
        }
    }

    private static void refuse(RefusalFixture fx, Set<String> fields) {
        for (String f : fields) {
            if (MESSAGE_FIELDS.contains(f)) {
                fx.sim.refusals().refuseMessageField(f);
            } else {
                fx.sim.refusals().refuseField(Refusals.Edge.CONVERSATIONS, f);
            }
        }
    }
}
