package app.inboxsync.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.app.AppContext;
import app.inboxsync.app.PageImport;
import app.inboxsync.app.background.Background;
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
import app.inboxsync.ui.pages.PageChoice;
import app.inboxsync.ui.sync.FullSyncCost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Import my Pages" in the desktop on the Graph simulator and a real database, the dialogs answered by hand: the
 * listing is shown first (the syncable Pages ticked, an unusable one with its reason, never tickable), only the
 * Pages left ticked are imported, and the result says how many were added and skipped.
 */
class ImportPagesTest {
    private static final int PAGES = 60;

    @TempDir
    Path home;

    @Test
    void theListingIsShownFirstAndOnlyTheTickedPagesAreImported() {
        try (GraphSimulator sim = GraphSimulator.start(SimulatorConfig.small(43).withPages(PAGES).withConversations(1));
             AppContext app = AppContext.on(TestDatabase.fresh(), GraphSettings.defaults(sim.baseUrl())
                     .withCallsPerSecondPerPage(0).withRetries(2, Duration.ofMillis(1)), new FileTokenVault(home))) {
            SimPage analyst = sim.pages().get(7);
            sim.roles().set(analyst.id(), List.of("ANALYZE"));
            List<PageChoice> shown = new ArrayList<>();
            // the user filters on one name, unticks what it shows, then ticks all again but the first 10 by name
            HandPrompts prompts = new HandPrompts(Secret.of(sim.userToken()), listing -> {
                PageChoice choice = new PageChoice(listing);
                shown.add(choice);
                choice.filterProperty().set(sim.pages().get(3).name());
                choice.selectNone();
                choice.filterProperty().set("");
                choice.selectAll();
                choice.shown().stream().limit(10).forEach(r -> r.chosenProperty().set(false));
                return Optional.of(choice.chosenIds());
            });
            List<PageImport> results = new ArrayList<>();
            List<String> errors = new ArrayList<>();
            PageConnector connector = new PageConnector(PageConnector.Tokens.of(app.pageConnections()),
                    Background.currentThread(), prompts, false, () -> { }, added -> { }, results::add, errors::add);

            connector.importPages();

            assertEquals(List.of(), errors);
            PageChoice choice = shown.get(0);
            assertEquals(PAGES, choice.shown().size(), "every Page listed, the unusable one too");
            PageChoice.Row unusable = choice.shown().get(PAGES - 1);
            assertEquals(analyst.id(), unusable.page().id(), "the unusable Page comes last");
            assertTrue(unusable.reason().contains("does not include messages"), unusable.reason());
            assertTrue(!unusable.chosenProperty().get());
            assertEquals("49 of 59 Pages chosen · 1 can't be synced with this token", choice.wordsProperty().get());
            assertEquals("Import 49 Pages", choice.importWordsProperty().get());

            PageImport result = results.get(0);
            Set<String> chosen = choice.chosenIds();
            assertEquals(49, chosen.size());
            assertEquals(chosen, result.added().stream().map(PageProfile::id).collect(Collectors.toSet()));
            assertEquals(chosen, app.pages().listPages().stream().map(PageSummary::pageId).collect(Collectors.toSet()));
            assertEquals(10, result.notChosen());
            assertEquals(List.of(analyst.id()), result.unusable().stream().map(u -> u.page().id()).toList());
        }
    }

    @Test
    void cancellingTheChecklistImportsNothing() {
        try (GraphSimulator sim = GraphSimulator.start(SimulatorConfig.small(44).withPages(3).withConversations(1));
             AppContext app = AppContext.on(TestDatabase.fresh(), GraphSettings.defaults(sim.baseUrl())
                     .withCallsPerSecondPerPage(0).withRetries(2, Duration.ofMillis(1)), new FileTokenVault(home))) {
            List<PageImport> results = new ArrayList<>();
            new PageConnector(PageConnector.Tokens.of(app.pageConnections()), Background.currentThread(),
                    new HandPrompts(Secret.of(sim.userToken()), listing -> Optional.empty()), false, () -> { },
                    added -> { }, results::add, e -> { throw new AssertionError(e); }).importPages();
            assertTrue(results.isEmpty());
            assertTrue(app.pages().listPages().isEmpty());
        }
    }

    /** Answers the token question with {@code token} and the checklist with {@code choose}. */
    private record HandPrompts(Secret token, Function<PageListing, Optional<Set<String>>> choose) implements Prompts {
        @Override
        public Optional<Secret> token(TokenQuestion question) {
            return Optional.of(token);
        }

        @Override
        public Optional<Set<String>> choosePages(PageListing listing) {
            return choose.apply(listing);
        }

        @Override
        public boolean confirmFullSync(String pageName, FullSyncCost cost) {
            return false;
        }

        @Override
        public boolean confirmCancel(String what) {
            throw new AssertionError("no sync runs in this test, so none is cancelled");
        }

        @Override
        public boolean wantsBackFromDemo(String what) {
            return false;
        }
    }
}
