package app.inboxsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.SyncMode;
import app.inboxsync.simulator.SimConversation;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import java.sql.SQLException;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A folder the Graph version no longer serves ({@code folder=spam} answered with error 100): the other folders
 * sync exactly, the Page's run succeeds with a notice, and a full pass that could not read every folder marks no
 * conversation as gone from Facebook.
 */
class RefusedFolderTest {

    @Test
    void aRefusedFolderIsSkippedWithANoticeWhileTheOtherFoldersCopyExactly() throws SQLException {
        try (RefusalFixture fx = new RefusalFixture(SimulatorConfig.small(41).withPages(1).withConversations(40))) {
            SimPage page = fx.page(0);
            assertFalse(fx.inFolder(page, "spam").isEmpty(), "the world has spam to skip");
            fx.sim.refusals().refuseFolder("spam");

            RefusalFixture.Run run = fx.sync(page, false);
            assertTrue(run.result().succeeded(), run.result().error());
            assertEquals(1, run.refusedCalls());
            assertEquals(List.of("Facebook v25.0 no longer serves the spam folder of Page " + page.id() + ": its "
                    + "conversations are not copied this time (the other folders are), and no conversation is marked "
                    + "as gone from Facebook while a folder cannot be read. It is asked for again in a day, or at "
                    + "once with another Graph version, and then read to its end."), run.notices());
            fx.assertCopyEqualsSimulator(page, Set.of(), Set.of("spam"));

            RefusalFixture.Run again = fx.sync(page, true);
            assertTrue(again.result().succeeded(), again.result().error());
            assertEquals(0, again.refusedCalls(), "the refused folder is remembered: not asked again");
            assertEquals(1, again.notices().size(), "skipping it is said on every pass: " + again.notices());
            assertEquals(0, again.markedMissing());
            fx.assertCopyEqualsSimulator(page, Set.of(), Set.of("spam"));
        }
    }

    @Test
    void aFolderServedAgainIsReadToItsEndByTheNextIncrementalSync() throws SQLException {
        try (RefusalFixture fx = new RefusalFixture(SimulatorConfig.small(43).withPages(1).withConversations(40))) {
            SimPage page = fx.page(0);
            fx.sim.refusals().refuseFolder("spam");
            assertTrue(fx.sync(page, false).result().succeeded());
            RefusalFixture.Run stillRefused = fx.sync(page, false);
            assertEquals(SyncMode.INCREMENTAL, stillRefused.result().mode());
            fx.assertCopyEqualsSimulator(page, Set.of(), Set.of("spam"));

            // Graph serves the folder again (here: another Graph version). The watermark moved on without it, yet
            // its whole history, older than the watermark, is copied by an incremental sync.
            fx.sim.refusals().clear();
            RefusalFixture.Run served = fx.sync(page, false, "v26.0");
            assertTrue(served.result().succeeded(), served.result().error());
            assertEquals(SyncMode.INCREMENTAL, served.result().mode());
            assertEquals(List.of(), served.notices());
            fx.assertCopyEqualsSimulator(page, Set.of());
            assertEquals(Set.of(), fx.store.foldersBehind(page.id()), "caught up");
        }
    }

    @Test
    void aFullPassThatCouldNotReadEveryFolderMarksNothingMissing() throws SQLException {
        try (RefusalFixture fx = new RefusalFixture(SimulatorConfig.small(42).withPages(1).withConversations(40))) {
            SimPage page = fx.page(0);
            assertTrue(fx.sync(page, false).result().succeeded());
            List<SimConversation> spam = fx.inFolder(page, "spam");
            assertFalse(spam.isEmpty());

            fx.sim.refusals().refuseFolder("spam");
            fx.sim.addConversation(page.id(), "inbox", 2);
            RefusalFixture.Run full = fx.sync(page, true);
            assertTrue(full.result().succeeded(), full.result().error());
            assertEquals(0, full.markedMissing(), "the spam folder could not be read: its conversations are not gone");
            assertEquals(0, fx.count("SELECT count(*) FROM messenger_conversations WHERE page_id = ? AND missing_since IS NOT NULL",
                    page.id()));
            fx.assertCopyEqualsSimulator(page, Set.of());

            // The control: with every folder read, a conversation deleted on Facebook is marked.
            fx.sim.refusals().clear();
            fx.sim.deleteConversation(spam.get(0).id());
            RefusalFixture.Run withAll = fx.sync(page, true, "v26.0");
            assertTrue(withAll.result().succeeded(), withAll.result().error());
            assertEquals(1, withAll.markedMissing());
        }
    }
}
