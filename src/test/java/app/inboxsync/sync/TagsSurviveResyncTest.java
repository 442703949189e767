package app.inboxsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.read.ConversationFilter;
import app.inboxsync.simulator.SimConversation;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.store.read.ConversationTags;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Tags are the admins' data: neither an incremental sync that changes the conversation nor a full one removes them. */
class TagsSurviveResyncTest {

    @Test
    void tagsOfChangedAndUnchangedConversationsSurviveIncrementalAndFullSyncs() throws Exception {
        try (SyncFixture f = new SyncFixture(SimulatorConfig.small(41).withPages(1).withConversations(30))) {
            SimPage page = f.page(0);
            assertTrue(f.sync(page).succeeded());
            ConversationTags tags = new ConversationTags(f.db);
            List<SimConversation> all = f.sim.conversations(page.id());
            String changed = all.get(5).id();
            String unchanged = all.get(6).id();
            assertEquals(2, tags.add(List.of(changed, unchanged), "vip"));
            tags.add(List.of(changed), "refund");

            f.sim.addMessage(changed, true, "one more question");
            SyncResult incremental = f.sync(page);
            assertTrue(incremental.succeeded());
            assertEquals(1, incremental.counts().conversationsUpdated(), "the tagged conversation was rewritten");
            assertTrue(f.service.sync(f.request(page, true), SyncListener.NONE, new CancelSignal()).succeeded());

            assertEquals(List.of("refund", "vip"), tags.inUse(page.id()));
            var browse = new app.inboxsync.store.read.ConversationBrowseQueries(f.db);
            assertEquals(2, browse.count(ConversationFilter.page(page.id()).withTag("vip")));
            assertEquals(List.of(changed), browse.window(ConversationFilter.page(page.id()).withTag("refund"),
                    app.inboxsync.read.ConversationSort.NEWEST_FIRST, 0, 10).stream().map(r -> r.conversationId()).toList());
            f.assertStoredEqualsSimulator(page);
        }
    }
}
