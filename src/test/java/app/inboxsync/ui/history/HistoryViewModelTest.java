package app.inboxsync.ui.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.SyncMode;
import app.inboxsync.read.SyncRunRow;
import app.inboxsync.read.WeeklyActivity;
import app.inboxsync.sync.RunOutcome.RunStatus;
import app.inboxsync.ui.common.Times;
import app.inboxsync.ui.sync.RunState;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HistoryViewModelTest {
    private static final Instant T0 = Instant.parse("2026-11-22T10:00:00Z");
    private final HistoryViewModel model = new HistoryViewModel(ZoneId.of("Europe/Berlin"));

    private static SyncRunRow run(long id, String page, String status, Instant finished, String error) {
        return new SyncRunRow(id, page, id == 1 ? SyncMode.FULL : SyncMode.INCREMENTAL, RunStatus.parse(status), T0.plusSeconds(60 * id), finished,
                10 + (int) id, 2, 5, 40, 0, 7, null, error);
    }

    @Test
    void aRunReadsAsTheTableShowsIt() {
        model.showRuns(List.of(run(2, "p2", "failed", T0.plusSeconds(120 + 3), "Facebook refused the token."),
                        run(1, "p1", "succeeded", T0.plusSeconds(60 + 65), null)),
                Map.of("p1", "Shoes", "p2", "Hats")::get, Map.of(1L, 1, 2L, 1));
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertEquals(new RunLine(2, 1, Times.shortForm(T0.plusSeconds(120), berlin),
                Times.fullForm(T0.plusSeconds(120), berlin), "Hats", "Incremental", RunState.FAILED, 12, 2, 5, 40, 7,
                "3.0 s", "Facebook refused the token."), model.runs().get(0), "local time, newest first");
        assertEquals(new RunLine(1, 1, Times.shortForm(T0.plusSeconds(60), berlin),
                Times.fullForm(T0.plusSeconds(60), berlin), "Shoes", "Full", RunState.SUCCEEDED, 11, 2, 5, 40, 7,
                "65 s", ""), model.runs().get(1));
        assertEquals("#1", model.runs().get(0).numberText(), "each Page counts its own runs");
    }

    @Test
    void aCancelledRunIsNeitherASuccessNorAFailure() {
        model.showRuns(List.of(run(5, "p1", "cancelled", T0.plusSeconds(400), "Cancelled; what was synced is kept.")),
                id -> "Shoes", Map.of(5L, 2));
        assertEquals(RunState.CANCELLED, model.runs().get(0).state());
        assertEquals("Cancelled", model.runs().get(0).status());
        assertEquals(new RunPoint("Shoes", 2, 17, 400 - 300), model.points().get(0));
    }

    @Test
    void aRunStillGoingHasNoDurationYet() {
        model.showRuns(List.of(run(3, "p1", "running", null, null)), id -> "Shoes", Map.of(3L, 1));
        assertEquals("", model.runs().get(0).duration());
        assertEquals(new RunPoint("Shoes", 1, 15, 0), model.points().get(0));
        assertEquals("#1", model.points().get(0).label());
    }

    @Test
    void theChartsShowTheNewestRunsOldestFirst() {
        List<SyncRunRow> newestFirst = new ArrayList<>();
        for (long id = 40; id >= 1; id--) {
            newestFirst.add(run(id, "p1", "succeeded", T0.plusSeconds(60 * id + id), null));
        }
        Map<Long, Integer> numbers = new java.util.HashMap<>();
        for (long id = 1; id <= 40; id++) {
            numbers.put(id, (int) id);
        }
        model.showRuns(newestFirst, id -> "Shoes", numbers);
        assertEquals(40, model.runs().size());
        assertEquals(HistoryViewModel.RUNS_CHARTED, model.points().size());
        assertEquals(new RunPoint("Shoes", 11, 23, 11.0), model.points().get(0));
        assertEquals(new RunPoint("Shoes", 40, 52, 40.0), model.points().get(model.points().size() - 1));
    }

    @Test
    void scopeChoosesTheSelectedPageOrAll() {
        assertEquals("p1", model.pageToShow("p1"));
        model.scopeProperty().set(HistoryViewModel.Scope.ALL_PAGES);
        assertNull(model.pageToShow("p1"));
    }

    @Test
    void shadingIsRelativeToTheBusiestHourAndOneMessageStillShows() {
        assertEquals(0, HistoryViewModel.shade(0, 10));
        assertEquals(0, HistoryViewModel.shade(0, 0));
        assertEquals(1.0, HistoryViewModel.shade(10, 10), 1e-9);
        assertTrue(HistoryViewModel.shade(1, 1000) >= 0.15);
        assertTrue(HistoryViewModel.shade(5, 10) > HistoryViewModel.shade(4, 10));
    }

    @Test
    void activityTitleSaysWhoseAndWhere() {
        model.showActivity(WeeklyActivity.empty(), "Shoes");
        assertEquals("When customers write (Shoes): no customer messages stored yet.", model.activityTitleProperty().get());
        model.showActivity(WeeklyActivity.empty(), null);
        assertTrue(model.activityTitleProperty().get().contains("(all Pages)"));
    }

    @Test
    void tooltipGivesTheExactCountAndTheHour() {
        String tip = ActivityHeatmap.tooltip(DayOfWeek.TUESDAY, 23, 1);
        assertTrue(tip.endsWith(" 23:00–24:00: 1 customer message"), tip);
        assertTrue(ActivityHeatmap.tooltip(DayOfWeek.MONDAY, 9, 12).endsWith(" 09:00–10:00: 12 customer messages"));
    }
}
