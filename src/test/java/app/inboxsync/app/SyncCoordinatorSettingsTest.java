package app.inboxsync.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Secret;
import app.inboxsync.graph.GraphSettings;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.secrets.FileTokenVault;
import app.inboxsync.simulator.GraphSimulator;
import app.inboxsync.simulator.SimConversation;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.store.TestDatabase;
import app.inboxsync.sync.SyncListener;
import app.inboxsync.sync.SyncResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The desktop's Settings reach the coordinator's syncs: folders narrow them, parallelism changes on the fly. */
class SyncCoordinatorSettingsTest {
    @TempDir
    Path home;

    @Test
    void chosenFoldersNarrowTheSyncAndAChangedParallelismStillRunsIt() throws Exception {
        try (GraphSimulator sim = GraphSimulator.start(SimulatorConfig.small(5).withPages(1).withConversations(12));
             AppContext app = AppContext.on(TestDatabase.fresh(), GraphSettings.defaults(sim.baseUrl())
                     .withCallsPerSecondPerPage(0).withRetries(2, Duration.ofMillis(1)), new FileTokenVault(home))) {
            SimPage page = sim.pages().get(0);
            app.pageConnections().add(Secret.of(page.token()));
            SimConversation spam = sim.conversations(page.id()).get(0);
            sim.moveToFolder(spam.id(), "spam");
            try (SyncCoordinator coordinator = new SyncCoordinator(app, SyncListener.NONE, 1)) {
                coordinator.setParallelism(3);
                coordinator.setParallelism(2);
                coordinator.useFolders(List.of(Folder.INBOX, Folder.PAGE_DONE, Folder.OTHER));
                CompletableFuture<SyncResult> done = new CompletableFuture<>();
                coordinator.start(List.of(page.id()), false, done::complete);
                assertEquals(SyncResult.Status.SUCCEEDED, done.get(30, TimeUnit.SECONDS).status());
            }
            Set<String> stored = app.browse().window(ConversationFilter.page(page.id()), ConversationSort.NEWEST_FIRST, 0, 100).stream()
                    .map(c -> c.conversationId()).collect(Collectors.toSet());
            Set<String> notSpam = sim.conversations(page.id()).stream().filter(c -> !c.folder().equals("spam"))
                    .map(SimConversation::id).collect(Collectors.toSet());
            assertFalse(stored.contains(spam.id()), "spam was left out");
            assertEquals(notSpam, stored);
        }
    }
}
