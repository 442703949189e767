package app.inboxsync.ui.sync;

import app.inboxsync.sync.BatchWrite;
import app.inboxsync.sync.SyncEvent;
import app.inboxsync.sync.SyncListener;
import app.inboxsync.ui.common.Toast;
import app.inboxsync.ui.sync.PageProgress.Phase;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The live state of every Page's sync. Sync threads write to it (one cheap update per event); the UI reads a
 * snapshot on its own clock, every 100 ms or so, so a fast sync never floods the FX thread. Batch toasts are
 * coalesced here: at most one per Page per {@link #TOAST_SPACING}, always the newest.
 */
public final class SyncBoard implements SyncListener {
    public static final Duration TOAST_SPACING = Duration.ofSeconds(1);
    /** Shorter pauses are routine pacing, not news. */
    private static final Duration WAIT_WORTH_SAYING = Duration.ofSeconds(5);

    private final Map<String, PageProgress> pages = new LinkedHashMap<>();
    private final Map<String, Toast> pendingBatchToasts = new LinkedHashMap<>();
    private final Map<String, Instant> lastBatchToast = new HashMap<>();
    private final List<Toast> urgentToasts = new ArrayList<>();
    private long version;

    /** The UI queued a sync of this Page (it shows as waiting its turn until the sync starts). */
    public synchronized void queued(String pageId, String pageName) {
        pages.put(pageId, PageProgress.queued(pageId, pageName));
        version++;
    }

    @Override
    public synchronized void on(SyncEvent event) {
        PageProgress now = pages.getOrDefault(event.pageId(), PageProgress.queued(event.pageId(), event.pageId()));
        if (event instanceof SyncEvent.Started s) {
            now = new PageProgress(s.pageId(), s.pageName(), Phase.SYNCING, s.mode(), 0, 0, 0, 0,
                    s.expectedConversations(), 0, 0, null);
            lastBatchToast.remove(s.pageId());
        } else if (event instanceof SyncEvent.Progress p) {
            BatchWrite c = p.counts();
            now = new PageProgress(now.pageId(), now.pageName(), Phase.SYNCING, now.mode(), p.conversationsSeen(),
                    c.conversationsTouched(), c.conversationsInserted(), c.conversationsUpdated(), now.expected(),
                    now.batches(), p.apiCalls(), null);
        } else if (event instanceof SyncEvent.BatchCompleted b) {
            now = new PageProgress(now.pageId(), now.pageName(), now.phase(), now.mode(), Math.max(now.seen(), b.total()),
                    now.touched(), now.inserted(), now.updated(), now.expected(), b.batch(), now.apiCalls(), now.message());
            pendingBatchToasts.put(b.pageId(), new Toast(Toast.Kind.INFO, now.pageName(),
                    "Batch " + b.batch() + " complete — synced " + CountWords.conversations(now.seen()) + " so far…"));
        } else if (event instanceof SyncEvent.History h) {
            now = now.withHistory(h.pagesDone(), h.pagesLeft(), h.apiCalls());
        } else if (event instanceof SyncEvent.Waiting w) {
            String message = "Waiting " + seconds(w.pause()) + ": " + w.reason();
            now = now.with(Phase.WAITING, message);
            if (w.pause().compareTo(WAIT_WORTH_SAYING) >= 0) {
                urgentToasts.add(new Toast(Toast.Kind.WARNING, now.pageName(),
                        w.reason() + " — waiting " + seconds(w.pause()) + "; the sync goes on by itself."));
            }
        } else if (event instanceof SyncEvent.Notice n) {
            urgentToasts.add(new Toast(Toast.Kind.INFO, now.pageName(), n.message()));
        } else if (event instanceof SyncEvent.Completed c) {
            BatchWrite w = c.counts();
            now = new PageProgress(now.pageId(), now.pageName(), Phase.SUCCEEDED, c.mode(), c.conversationsSeen(),
                    w.conversationsTouched(), w.conversationsInserted(), w.conversationsUpdated(), now.expected(),
                    now.batches(), c.apiCalls(), null);
            finished(c.pageId(), new Toast(Toast.Kind.SUCCESS, now.pageName(), "Sync complete — "
                    + SummaryText.counts(w.conversationsInserted(), w.conversationsUpdated())));
        } else if (event instanceof SyncEvent.Failed f) {
            Phase phase = switch (f.status()) {
                case CANCELLED -> Phase.CANCELLED;
                case ALREADY_RUNNING -> Phase.SKIPPED;
                default -> Phase.FAILED;
            };
            // the pass's final tally, as sync_runs records it: the last Progress may be calls behind
            BatchWrite w = f.counts();
            now = new PageProgress(now.pageId(), now.pageName(), phase, now.mode(),
                    Math.max(now.seen(), f.conversationsSeen()), w.conversationsTouched(), w.conversationsInserted(),
                    w.conversationsUpdated(), now.expected(), now.batches(), f.apiCalls(), f.message());
            // cancelled by the user, or left to another process syncing the same Page: news, not an error
            finished(f.pageId(), new Toast(phase == Phase.FAILED ? Toast.Kind.ERROR : Toast.Kind.INFO, now.pageName(), f.message()));
        }
        pages.put(now.pageId(), now);
        version++;
    }

    private void finished(String pageId, Toast toast) {
        pendingBatchToasts.remove(pageId);
        urgentToasts.add(toast);
    }

    /** Bumped by every change: the UI skips its refresh when it has not moved. */
    public synchronized long version() {
        return version;
    }

    public synchronized Map<String, PageProgress> snapshot() {
        return Map.copyOf(pages);
    }

    /** Toasts due at {@code now}: every end-of-sync, wait and notice, and each Page's newest batch when spaced out enough. */
    public synchronized List<Toast> dueToasts(Instant now) {
        List<Toast> due = new ArrayList<>(urgentToasts);
        urgentToasts.clear();
        pendingBatchToasts.entrySet().removeIf(e -> {
            Instant last = lastBatchToast.get(e.getKey());
            if (last != null && Duration.between(last, now).compareTo(TOAST_SPACING) < 0) {
                return false;
            }
            lastBatchToast.put(e.getKey(), now);
            due.add(e.getValue());
            return true;
        });
        return due;
    }

    /** The same words as the reason's own ("0.3 s", not a rounded-up "1 s" beside "waiting 0.3 s"). */
    private static String seconds(Duration d) {
        return app.inboxsync.sync.WaitWords.of(d);
    }
}
