package app.inboxsync.ui.sync;

import app.inboxsync.app.Plural;
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
 * snapshot on its own clock, every 100 ms or so, so a fast sync never floods the FX thread. Toasts are
 * chosen here: a batch that changed nothing says nothing; the rest are coalesced to at most one per Page per
 * {@link #TOAST_SPACING}, always the newest. While several Pages are in flight (Sync all, a round) nothing is said
 * per Page — the live table shows each row — and when the last of them ends, one toast sums the round up:
 * "37 Pages synced · 2 failed", with the round's notices folded into it (the first, and how many more).
 */
public final class SyncBoard implements SyncListener {
    public static final Duration TOAST_SPACING = Duration.ofSeconds(1);
    /** Shorter pauses are routine pacing, not news. */
    private static final Duration WAIT_WORTH_SAYING = Duration.ofSeconds(5);

    private final Map<String, PageProgress> pages = new LinkedHashMap<>();
    private final Map<String, Toast> pendingBatchToasts = new LinkedHashMap<>();
    private final Map<String, Instant> lastBatchToast = new HashMap<>();
    private final Map<String, Integer> touchedAtLastBatch = new HashMap<>();
    private final List<Toast> urgentToasts = new ArrayList<>();
    private final Round round = new Round();
    private long version;

    /** The UI queued a sync of this Page (it shows as waiting its turn until the sync starts). */
    public synchronized void queued(String pageId, String pageName) {
        takingOff(pageId);
        pages.put(pageId, PageProgress.queued(pageId, pageName));
        version++;
    }

    @Override
    public synchronized void on(SyncEvent event) {
        PageProgress now = pages.getOrDefault(event.pageId(), PageProgress.queued(event.pageId(), event.pageId()));
        if (event instanceof SyncEvent.Started s) {
            takingOff(s.pageId());
            now = new PageProgress(s.pageId(), s.pageName(), Phase.SYNCING, s.mode(), 0, 0, 0, 0,
                    s.expectedConversations(), 0, 0, null);
            lastBatchToast.remove(s.pageId());
            touchedAtLastBatch.remove(s.pageId());
        } else if (event instanceof SyncEvent.Progress p) {
            BatchWrite c = p.counts();
            now = new PageProgress(now.pageId(), now.pageName(), Phase.SYNCING, now.mode(), p.conversationsSeen(),
                    c.conversationsTouched(), c.conversationsInserted(), c.conversationsUpdated(), now.expected(),
                    now.batches(), p.apiCalls(), null);
        } else if (event instanceof SyncEvent.BatchCompleted b) {
            now = new PageProgress(now.pageId(), now.pageName(), now.phase(), now.mode(), Math.max(now.seen(), b.total()),
                    now.touched(), now.inserted(), now.updated(), now.expected(), b.batch(), now.apiCalls(), now.message());
            Integer touchedBefore = touchedAtLastBatch.put(b.pageId(), now.touched());
            boolean changedSomething = now.touched() > (touchedBefore == null ? 0 : touchedBefore);
            if (changedSomething && !round.several()) {
                pendingBatchToasts.put(b.pageId(), new Toast(Toast.Kind.INFO, now.pageName(),
                        "Batch " + b.batch() + " complete — synced " + CountWords.conversations(now.seen()) + " so far…"));
            }
        } else if (event instanceof SyncEvent.History h) {
            now = now.withHistory(h.pagesDone(), h.pagesLeft(), h.apiCalls());
        } else if (event instanceof SyncEvent.Waiting w) {
            String message = "Waiting " + seconds(w.pause()) + ": " + w.reason();
            now = now.with(Phase.WAITING, message);
            if (w.pause().compareTo(WAIT_WORTH_SAYING) >= 0 && !round.several()) {
                urgentToasts.add(new Toast(Toast.Kind.WARNING, now.pageName(),
                        w.reason() + " — waiting " + seconds(w.pause()) + "; the sync goes on by itself."));
            }
        } else if (event instanceof SyncEvent.Notice n) {
            if (round.several()) {
                round.notices.add(now.pageName() + ": " + n.message()); // said once, in the round's toast
            } else {
                urgentToasts.add(new Toast(Toast.Kind.INFO, now.pageName(), n.message()));
            }
        } else if (event instanceof SyncEvent.Completed c) {
            BatchWrite w = c.counts();
            now = new PageProgress(now.pageId(), now.pageName(), Phase.SUCCEEDED, c.mode(), c.conversationsSeen(),
                    w.conversationsTouched(), w.conversationsInserted(), w.conversationsUpdated(), now.expected(),
                    now.batches(), c.apiCalls(), null);
            pages.put(now.pageId(), now);
            finished(now, new Toast(Toast.Kind.SUCCESS, now.pageName(), w.conversationsTouched() == 0
                    ? "Sync complete — nothing changed since the last sync."
                    : "Sync complete — " + SummaryText.counts(w.conversationsInserted(), w.conversationsUpdated())));
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
            pages.put(now.pageId(), now);
            // cancelled by the user, or left to another process syncing the same Page: news, not an error
            finished(now, new Toast(phase == Phase.FAILED ? Toast.Kind.ERROR : Toast.Kind.INFO, now.pageName(), f.message()));
        }
        pages.put(now.pageId(), now);
        version++;
    }

    /** A Page enters flight: the first one after a calm starts a new round. */
    private void takingOff(String pageId) {
        PageProgress before = pages.get(pageId);
        if (before != null && before.phase().running()) {
            return;
        }
        if (inFlight() == 0) {
            round.clear();
        }
        round.pages++;
    }

    /** {@code ended} is already on the board: alone it is said at once; in a round, with the round's last. */
    private void finished(PageProgress ended, Toast alone) {
        pendingBatchToasts.remove(ended.pageId());
        if (!round.several()) {
            urgentToasts.add(alone);
            return;
        }
        round.ended.add(ended);
        if (inFlight() == 0) {
            urgentToasts.add(round.toast());
            round.clear();
        }
    }

    private long inFlight() {
        return pages.values().stream().filter(p -> p.phase().running()).count();
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

    /** The Pages in flight together since the board was last calm, and how those that ended did. */
    private static final class Round {
        /** Names the round toast lists before "and N more". */
        private static final int NAMES_SHOWN = 3;
        private int pages;
        private final List<PageProgress> ended = new ArrayList<>();
        /** "Bakery: Facebook keeps …": what Pages of the round had to say, folded into its one toast. */
        private final List<String> notices = new ArrayList<>();

        boolean several() {
            return pages > 1;
        }

        void clear() {
            pages = 0;
            ended.clear();
            notices.clear();
        }

        /** "37 Pages synced · 2 failed", with what the synced ones changed and which ones failed. */
        Toast toast() {
            List<String> parts = new ArrayList<>();
            String failedNames = names(Phase.FAILED);
            for (Phase phase : List.of(Phase.SUCCEEDED, Phase.FAILED, Phase.CANCELLED, Phase.SKIPPED)) {
                long n = count(phase);
                if (n > 0) {
                    parts.add((parts.isEmpty() ? Plural.of(n, "Page") : String.valueOf(n)) + " " + verb(phase));
                }
            }
            int inserted = ended.stream().mapToInt(PageProgress::inserted).sum();
            int updated = ended.stream().mapToInt(PageProgress::updated).sum();
            String text = inserted + updated == 0 ? "Nothing changed since the last sync."
                    : Plural.of(inserted, "new conversation") + ", " + updated + " updated.";
            if (!failedNames.isEmpty()) {
                text += " Failed: " + failedNames + " (the Syncs table says why).";
            }
            if (!notices.isEmpty()) {
                text += " " + Plural.of(notices.size(), "notice") + ": " + notices.get(0)
                        + (notices.size() > 1 ? " (and " + (notices.size() - 1) + " more)" : "");
            }
            Toast.Kind kind = count(Phase.FAILED) > 0 ? Toast.Kind.ERROR
                    : count(Phase.SUCCEEDED) == ended.size() ? Toast.Kind.SUCCESS : Toast.Kind.INFO;
            return new Toast(kind, String.join(" · ", parts), text);
        }

        private long count(Phase phase) {
            return ended.stream().filter(p -> p.phase() == phase).count();
        }

        private String names(Phase phase) {
            List<String> names = ended.stream().filter(p -> p.phase() == phase).map(PageProgress::pageName).toList();
            String shown = String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())));
            return names.size() > NAMES_SHOWN ? shown + " and " + (names.size() - NAMES_SHOWN) + " more" : shown;
        }

        private static String verb(Phase phase) {
            return switch (phase) {
                case SUCCEEDED -> "synced";
                case FAILED -> "failed";
                case CANCELLED -> "cancelled";
                case SKIPPED -> "syncing elsewhere";
                default -> phase.name().toLowerCase(java.util.Locale.ROOT);
            };
        }
    }
}
