package app.inboxsync.ui.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.inboxsync.domain.SyncMode;
import app.inboxsync.read.SyncRunRow;
import app.inboxsync.sync.RunOutcome.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class SummaryTextTest {
    private static final Instant START = Instant.parse("2026-11-22T10:00:00Z");

    private static SyncRunRow run(String status, String mode, Instant finished, String error) {
        return new SyncRunRow(7, "p1", SyncMode.valueOf(mode.toUpperCase(Locale.ROOT)),
                RunStatus.parse(status), START, finished, 15, 10, 75, 120, 3, 4, null, error);
    }

    @Test
    void theOldAppsSummaryLine() {
        SyncRunRow r = run("succeeded", "incremental", START.plusMillis(2100), null);
        assertEquals("Last sync (Bakery)", SummaryText.title("Bakery"));
        assertEquals("Inserted 15 • Updated 10 • Total touched 25 · a few seconds ago", SummaryText.headline(r, START.plusSeconds(10)));
        assertEquals("Inserted 15 • Updated 10 • Total touched 25 · 3 minutes ago", SummaryText.headline(r, START.plusSeconds(190)));
        assertEquals("Incremental · 2.1 s · 4 API calls · 120 new messages", SummaryText.details(r));
    }

    @Test
    void failedAndRunningRunsSaySo() {
        assertEquals("Failed · a few seconds ago — Facebook refused the token.",
                SummaryText.headline(run("failed", "full", START, "Facebook refused the token."), START));
        assertEquals("Syncing since a minute ago", SummaryText.headline(run("running", "full", null, null), START.plusSeconds(60)));
        assertEquals("Full sync · 4 API calls · 120 new messages", SummaryText.details(run("running", "full", null, null)));
    }

    @Test
    void oneOfAnythingIsSingular() {
        SyncRunRow one = new SyncRunRow(7, "p1", SyncMode.FULL, RunStatus.SUCCEEDED, START, START.plusSeconds(1), 1, 0, 0, 1, 0, 1,
                null, null);
        assertEquals("Full sync · 1.0 s · 1 API call · 1 new message", SummaryText.details(one));
        PageProgress p = new PageProgress("p1", "Bakery", PageProgress.Phase.SYNCING, null, 1, 1, 1, 0, 0, 1, 1, null);
        assertEquals("Syncing now · 1 conversation so far · 1 API call", SummaryText.running(p));
    }

    @Test
    void durationsReadNaturally() {
        assertEquals("0.4 s", SummaryText.duration(Duration.ofMillis(400)));
        assertEquals("52 s", SummaryText.duration(Duration.ofMillis(51_700)));
        assertEquals("2 min 5 s", SummaryText.duration(Duration.ofSeconds(125)));
    }
}
