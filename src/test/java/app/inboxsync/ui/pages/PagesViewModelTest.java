package app.inboxsync.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.SyncMode;
import app.inboxsync.read.PageSummary;
import app.inboxsync.read.TokenStatus;
import app.inboxsync.sync.RunOutcome.RunStatus;
import app.inboxsync.ui.sync.PageProgress;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sidebar of an agency: 200 Pages filtered, sorted and counted, without a database or a window. */
class PagesViewModelTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");
    private final PagesViewModel model = new PagesViewModel();

    /** 200 Pages: 3 failed, 1 refused token, 12 never synced, the rest synced i minutes ago. */
    private static List<PageSummary> agency() {
        List<PageSummary> pages = new ArrayList<>();
        for (int i = 1; i <= 200; i++) {
            String id = String.valueOf(100_000 + i);
            String name = String.format("Branch %03d", 201 - i); // stored order differs from name order
            if (i <= 3) {
                pages.add(page(id, name, "valid", "failed", NOW.minus(Duration.ofMinutes(i)), "Facebook is down."));
            } else if (i == 4) {
                pages.add(page(id, name, "invalid", "succeeded", NOW.minus(Duration.ofMinutes(i)), null));
            } else if (i <= 16) {
                pages.add(page(id, name, "valid", null, null, null));
            } else {
                pages.add(page(id, name, "valid", "succeeded", NOW.minus(Duration.ofMinutes(i)), null));
            }
        }
        return pages;
    }

    private static PageSummary page(String id, String name, String token, String run, Instant finished, String error) {
        return new PageSummary(id, name, "Shop", null, List.of(Folder.values()), TokenStatus.parse(token), null, 10, 50,
                50, run == null ? null : RunStatus.parse(run), finished, error, 0);
    }

    private List<String> shownNames() {
        return model.shown().stream().map(PageItem::name).toList();
    }

    @Test
    void theCountSaysHowManyPagesAreInWhichState() {
        model.load(agency(), NOW);
        assertEquals("200 Pages · 3 failed · 1 to reconnect · 12 never synced", model.countsProperty().get());

        PageItem first = model.pages().get(20);
        model.apply(Map.of(first.pageId(), new PageProgress(first.pageId(), first.name(), PageProgress.Phase.SYNCING,
                SyncMode.FULL, 5, 5, 5, 0, 0, 1, 1, null)), NOW);
        assertEquals("200 Pages · 1 syncing · 3 failed · 1 to reconnect · 12 never synced", model.countsProperty().get());
    }

    @Test
    void oneLonePageIsOnePage() {
        model.load(List.of(page("1", "Bakery", "valid", "succeeded", NOW, null)), NOW);
        assertEquals("1 Page", model.countsProperty().get());
    }

    @Test
    void theFilterMatchesNameOrIdInAnyCaseAndTheCountSaysHowManyShow() {
        model.load(agency(), NOW);
        model.filterProperty().set("branch 19");
        assertEquals(List.of("Branch 190", "Branch 191", "Branch 192", "Branch 193", "Branch 194",
                "Branch 195", "Branch 196", "Branch 197", "Branch 198", "Branch 199"), shownNames());
        assertEquals("200 Pages · 3 failed · 1 to reconnect · 12 never synced · 10 shown", model.countsProperty().get());

        model.filterProperty().set("100042");
        assertEquals(List.of("Branch 159"), shownNames());

        model.filterProperty().set("no such page");
        assertEquals(0, model.shown().size());
        assertEquals("No Page matches \u201cno such page\u201d.", model.emptyWordsProperty().get());

        model.filterProperty().set("  ");
        assertEquals(200, model.shown().size());
        assertEquals(200, model.pages().size(), "the filter hides Pages from the sidebar only");
    }

    @Test
    void sortsByNameByTheStalestSyncOrFailedFirst() {
        model.load(agency(), NOW);
        assertEquals("Branch 001", shownNames().get(0));
        assertEquals("Branch 200", shownNames().get(199));

        model.orderProperty().set(PageOrder.LAST_SYNC);
        // the 12 never synced first (by name), then the one synced longest ago
        assertEquals("Branch 185", shownNames().get(0));
        assertEquals("Branch 196", shownNames().get(11));
        assertEquals("Branch 001", shownNames().get(12), "synced 200 minutes ago");
        assertEquals("Branch 200", shownNames().get(199), "synced a minute ago");

        model.orderProperty().set(PageOrder.FAILED_FIRST);
        assertEquals(List.of("Branch 197", "Branch 198", "Branch 199", "Branch 200"), shownNames().subList(0, 4));
        assertEquals("Branch 001", shownNames().get(4));
    }

    @Test
    void aPageThatFailsMovesUpWhileTheListIsSortedFailedFirst() {
        model.load(agency(), NOW);
        model.orderProperty().set(PageOrder.FAILED_FIRST);
        List<PageSummary> next = new ArrayList<>(agency());
        PageSummary last = next.get(199); // "Branch 001", synced
        next.set(199, page(last.pageId(), last.name(), "valid", "failed", NOW, "Facebook is down."));
        PageItem before = model.find(last.pageId()).orElseThrow();
        model.load(next, NOW);
        assertSame(before, model.shown().get(0), "the same item, now first");
        assertEquals("200 Pages · 4 failed · 1 to reconnect · 12 never synced", model.countsProperty().get());
    }

    @Test
    void theSelectionSurvivesAFilterThatHidesIt() {
        model.load(agency(), NOW);
        PageItem chosen = model.find("100010").orElseThrow();
        model.selectedProperty().set(chosen);
        model.filterProperty().set("zzz");
        assertSame(chosen, model.selected().orElseThrow());
    }
}
