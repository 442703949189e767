package app.inboxsync.ui.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.SyncMode;
import app.inboxsync.read.PageSummary;
import app.inboxsync.read.TokenStatus;
import app.inboxsync.sync.RunOutcome.RunStatus;
import app.inboxsync.ui.sync.PageProgress;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageStatusTest {
    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static PageSummary page(String tokenStatus, String tokenError, String lastRun, Instant finished, String error) {
        return new PageSummary("p1", "Bakery", "Food", null, List.of(Folder.values()), TokenStatus.parse(tokenStatus),
                tokenError, 1234, 5000, 5000, lastRun == null ? null : RunStatus.parse(lastRun), finished, error, 0, 0, 0, 0);
    }

    private static PageProgress live(PageProgress.Phase phase, int seen, String message) {
        return new PageProgress("p1", "Bakery", phase, SyncMode.FULL, seen, seen, seen, 0, 0, 1, 2, message);
    }

    @Test
    void aRunningSyncShowsItsLiveCount() {
        PageStatus s = PageStatus.of(page("valid", null, "succeeded", NOW, null), live(PageProgress.Phase.SYNCING, 1250, null), NOW);
        assertEquals(PageStatus.State.SYNCING, s.state());
        assertEquals("Syncing… 1,250", s.line());
    }

    @Test
    void aWaitSaysWhy() {
        PageStatus s = PageStatus.of(page("valid", null, null, null, null),
                live(PageProgress.Phase.WAITING, 10, "Waiting 30 s: Page rate limit reached"), NOW);
        assertEquals("Syncing… 10 · Waiting 30 s: Page rate limit reached", s.line());
    }

    @Test
    void anInvalidTokenAsksForReconnectWithTheReason() {
        PageStatus s = PageStatus.of(page("invalid", "The user changed their password.", "failed", NOW, "token"), null, NOW);
        assertEquals(PageStatus.State.TOKEN_INVALID, s.state());
        assertEquals("Token invalid — Reconnect: The user changed their password.", s.line());
    }

    @Test
    void aRunOfAnotherProcessShowsAsSyncingElsewhere() {
        PageStatus s = PageStatus.of(page("valid", null, "running", null, null), null, NOW);
        assertEquals(new PageStatus(PageStatus.State.SYNCING, "Syncing in another Inbox Sync process…"), s);
    }

    @Test
    void aCancelledRunIsNotShownAsASuccess() {
        PageStatus s = PageStatus.of(page("valid", null, "cancelled", NOW.minusSeconds(120), "Cancelled"), null, NOW);
        assertEquals(new PageStatus(PageStatus.State.CANCELLED, "Cancelled 2 minutes ago · 1,234 conversations"), s);
        PageStatus ok = PageStatus.of(page("valid", null, "succeeded", NOW.minusSeconds(120), null), null, NOW);
        assertEquals(PageStatus.State.IDLE, ok.state());
    }

    @Test
    void aFailedRunShowsItsReason() {
        PageStatus s = PageStatus.of(page("valid", null, "failed", NOW, "Facebook did not answer (timeout)."),
                live(PageProgress.Phase.FAILED, 0, "x"), NOW);
        assertEquals(new PageStatus(PageStatus.State.FAILED, "Failed: Facebook did not answer (timeout)."), s);
    }

    @Test
    void idleShowsWhenItLastSyncedAndHowMuchIsStored() {
        assertEquals("Synced 5 minutes ago · 1,234 conversations",
                PageStatus.of(page("valid", null, "succeeded", NOW.minusSeconds(300), null), null, NOW).line());
        assertEquals("Never synced · 1,234 conversations", PageStatus.of(page("valid", null, null, null, null), null, NOW).line());
        assertEquals("Waiting for its turn…",
                PageStatus.of(page("valid", null, null, null, null), live(PageProgress.Phase.QUEUED, 0, null), NOW).line());
    }
}
