package app.inboxsync.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.PageListing;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.domain.Secret;
import app.inboxsync.graph.GraphSettings;
import app.inboxsync.secrets.FileTokenVault;
import app.inboxsync.simulator.GraphSimulator;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.read.PageSummary;
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

/**
 * An agency's user token with more Pages than one answer of /me/accounts holds (the client asks 100 at a time):
 * every Page it can sync is imported, a Page whose role lacks the messaging task is named with the reason and
 * not imported, a Page the user has no role on is not listed at all, and a choice imports only what was chosen.
 */
class PageImportTest {
    private static final int PAGES = 230;

    @TempDir
    Path home;

    @Test
    void hundredsOfPagesAreImportedOverEveryPageOfTheListingAndThoseWithoutMessagingAreNamed() {
        try (GraphSimulator sim = GraphSimulator.start(SimulatorConfig.small(41).withPages(PAGES).withConversations(1));
             AppContext app = AppContext.on(TestDatabase.fresh(), GraphSettings.defaults(sim.baseUrl())
                     .withCallsPerSecondPerPage(0).withRetries(2, Duration.ofMillis(1)), new FileTokenVault(home))) {
            SimPage analyst = sim.pages().get(7);
            SimPage noRole = sim.pages().get(150);
            sim.roles().set(analyst.id(), List.of("ANALYZE", "CREATE_CONTENT"));
            sim.roles().set(noRole.id(), List.of());

            PageImport result = app.pageConnections().importPages(Secret.of(sim.userToken()), page -> true);

            Set<String> expected = sim.pages().stream().map(SimPage::id)
                    .filter(id -> !id.equals(analyst.id()) && !id.equals(noRole.id())).collect(Collectors.toSet());
            assertEquals(expected, result.added().stream().map(PageProfile::id).collect(Collectors.toSet()));
            assertEquals(PAGES - 2, result.added().size(), "none twice");
            assertEquals(expected, app.pages().listPages().stream().map(PageSummary::pageId).collect(Collectors.toSet()));
            assertEquals(1, result.unusable().size());
            PageListing.Unusable skipped = result.unusable().get(0);
            assertEquals(analyst.id(), skipped.page().id());
            assertEquals(analyst.name(), skipped.page().name());
            assertEquals("your role on this Page does not include messages (it allows: analyze, create content); a Page "
                    + "admin can give you access to messages in the Page's settings", skipped.reason());
            assertEquals(0, result.notChosen());
        }
    }

    @Test
    void onlyTheChosenPagesAreImportedAndAPageWithoutMessagingIsRefusedByGraphIfAddedByItsOwnToken() throws Exception {
        try (GraphSimulator sim = GraphSimulator.start(SimulatorConfig.small(42).withPages(5).withConversations(3));
             AppContext app = AppContext.on(TestDatabase.fresh(), GraphSettings.defaults(sim.baseUrl())
                     .withCallsPerSecondPerPage(0).withRetries(2, Duration.ofMillis(1)), new FileTokenVault(home))) {
            List<String> chosen = List.of(sim.pages().get(1).id(), sim.pages().get(3).id());
            PageImport result = app.pageConnections().importPages(Secret.of(sim.userToken()), p -> chosen.contains(p.id()));
            assertEquals(chosen, result.added().stream().map(PageProfile::id).toList());
            assertEquals(3, result.notChosen());
            assertEquals(Set.copyOf(chosen), app.pages().listPages().stream().map(PageSummary::pageId).collect(Collectors.toSet()));

            // A Page token still works for the Page itself, but without the messaging task Graph refuses its inbox:
            // the sync fails with Graph's own reason, not a crash, and the next Page is not held up.
            SimPage page = sim.pages().get(1);
            sim.roles().set(page.id(), List.of("ANALYZE"));
            try (SyncCoordinator coordinator = new SyncCoordinator(app, SyncListener.NONE, 1)) {
                CompletableFuture<SyncResult> done = new CompletableFuture<>();
                coordinator.start(List.of(page.id()), false, done::complete);
                SyncResult sync = done.get(30, TimeUnit.SECONDS);
                assertEquals(SyncResult.Status.FAILED, sync.status());
                assertTrue(sync.error().contains("pages_messaging"), sync.error());
            }
        }
    }
}
