package app.inboxsync.sync;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.SyncMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Syncs one Page: takes its lock, chooses full or incremental, runs the pass, records the run and moves the
 * watermark only when the pass completed. Failures end up in the result and the run row, never thrown.
 */
public final class SyncService {
    private static final Logger log = LoggerFactory.getLogger(SyncService.class);

    private final GraphGateway graph;
    private final InboxStore store;
    private final SyncTuning tuning;
    private final Clock clock;
    private final BatchBudget budget;

    /** @param budget shared by every Page this service syncs at once (one per process: see {@link BatchBudget}) */
    public SyncService(GraphGateway graph, InboxStore store, SyncTuning tuning, Clock clock, BatchBudget budget) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.store = Objects.requireNonNull(store, "store");
        this.tuning = Objects.requireNonNull(tuning, "tuning");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    public SyncService(GraphGateway graph, InboxStore store, SyncTuning tuning, Clock clock) {
        this(graph, store, tuning, clock, BatchBudget.ofThisHeap());
    }

    public SyncService(GraphGateway graph, InboxStore store, BatchBudget budget) {
        this(graph, store, SyncTuning.DEFAULT, Clock.systemUTC(), budget);
    }

    public SyncService(GraphGateway graph, InboxStore store) {
        this(graph, store, BatchBudget.ofThisHeap());
    }

    /** The budget the Pages of this service share. */
    public BatchBudget budget() {
        return budget;
    }

    public SyncResult sync(SyncRequest request, SyncListener listener, CancelSignal cancel) {
        return sync(request, null, listener, cancel);
    }

    /**
     * As {@link #sync(SyncRequest, SyncListener, CancelSignal)}, sharing the Page with other processes when
     * {@code round} is given: a Page another process holds, or finished during this round, is skipped with a
     * notice ({@link SyncResult.Status#ALREADY_RUNNING}, no run recorded) instead of refused.
     */
    public SyncResult sync(SyncRequest request, SharedRound round, SyncListener listener, CancelSignal cancel) {
        SyncListener shielded = listener.shielded();
        try {
            return syncWith(request, round, shielded, cancel);
        } catch (RuntimeException e) {
            // Before a run exists (page state, lock, run row): the database is down or unreachable. This Page
            // fails with the store's sentence; a "sync all" goes on with the others instead of crashing.
            log.debug("Sync of page {} could not start", request.pageId(), e);
            return refuse(request, shielded, SyncResult.Status.FAILED, describe(e));
        }
    }

    private SyncResult syncWith(SyncRequest request, SharedRound round, SyncListener listener, CancelSignal cancel) {
        String pageId = request.pageId();
        Instant started = clock.instant();
        if (cancel.isCancelled()) {
            return refuse(request, listener, SyncResult.Status.CANCELLED, "Not started: the sync was cancelled.");
        }
        Optional<PageState> state = store.pageState(pageId);
        if (state.isEmpty()) {
            return refuse(request, listener, SyncResult.Status.FAILED,
                    "Page " + pageId + " is not added. Add it first: pages add --token <page token>.");
        }
        Optional<InboxStore.SyncLock> lock = store.tryLockPage(pageId);
        if (lock.isEmpty() && round != null) {
            return refuse(request, listener, SyncResult.Status.ALREADY_RUNNING, state.get().name()
                    + " is syncing elsewhere (another process or machine has it); skipped here.");
        }
        if (lock.isEmpty()) {
            return refuse(request, listener, SyncResult.Status.ALREADY_RUNNING, "Another sync of page "
                    + state.get().name() + " is already running (in this or another window or machine). "
                    + "Wait for it to finish.");
        }
        try {
            if (round != null) {
                // Under the lock: another process may have finished this Page a moment ago, after we chose it.
                Optional<Instant> completed = store.lastCompletedSync(pageId);
                if (round.done(completed)) {
                    return refuse(request, listener, SyncResult.Status.ALREADY_RUNNING, state.get().name()
                            + " was synced elsewhere during this round (finished " + completed.get()
                            .truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "); skipped here.");
                }
            }
            // Read again under the lock: the sync that just released it may have moved the watermark.
            PageState page = store.pageState(pageId).orElse(state.get());
            return runLocked(request, page, listener, cancel, started);
        } finally {
            withInterruptCleared(() -> lock.get().close());
        }
    }

    private SyncResult runLocked(SyncRequest request, PageState page, SyncListener listener, CancelSignal cancel,
                                 Instant started) {
        String pageId = page.pageId();
        // A watermark past the clock (set from a far-future time by an older version) would hide everything: redo.
        boolean oddWatermark = WatermarkCeiling.beyond(page.watermark(), started);
        SyncMode mode = request.forceFull() || page.watermark() == null || oddWatermark
                ? SyncMode.FULL : SyncMode.INCREMENTAL;
        List<Folder> folders = request.folders() != null ? request.folders() : page.folders();
        long runId = store.startRun(pageId, mode);
        listener.on(new SyncEvent.Started(pageId, page.name(), mode, runId, page.storedConversations()));
        PagePass pass = new PagePass(new RepeatGuard(graph), store, tuning, request.access(), mode, page.watermark(),
                listener, cancel, budget);
        Set<Folder> behind = store.foldersBehind(pageId);
        if (oddWatermark) {
            listener.on(new SyncEvent.Notice(pageId, "The stored watermark (" + page.watermark() + ") lies in the "
                    + "future, so this sync reads everything again instead of trusting it."));
        }
        Instant[] listingStored = {null};
        try {
            // The watermark may move only after both phases: pass.run returns after the history phase.
            pass.run(folders, behind, () -> listingStored[0] = clock.instant());
            recordFoldersBehind(pageId, folders, behind, pass.walkedFolders());
            int missing = 0;
            if (mode == SyncMode.FULL && pass.walkedFolders().containsAll(Folder.ALL)) {
                // Only a pass over every folder can tell that a conversation is gone from Facebook: a folder not
                // asked for, or one Facebook refused, may still hold it.
                missing = store.markMissing(pageId, pass.seenConversationIds(), clock.instant());
            }
            Instant answeredBy = clock.instant();
            Instant newest = pass.tally().newestUpdate();
            store.flagOddTimes(pageId, WatermarkCeiling.at(answeredBy));
            if (WatermarkCeiling.beyond(newest, answeredBy)) {
                listener.on(new SyncEvent.Notice(pageId, "Facebook dated a conversation " + newest + ", later than "
                        + "the time it answered; it is kept with that time as given, and the watermark stays at "
                        + WatermarkCeiling.at(answeredBy).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        + " so no later change is missed."));
            }
            Instant watermark = WatermarkCeiling.cap(newer(oddWatermark ? null : page.watermark(),
                    safeWatermark(WatermarkCeiling.cap(newest, answeredBy), started)), answeredBy);
            PassTally tally = pass.tally();
            store.finishRun(runId, pageId, new RunOutcome(RunOutcome.RunStatus.SUCCEEDED, tally.counts(),
                    tally.apiCalls(), watermark, null));
            Duration elapsed = Duration.between(started, clock.instant());
            Duration listing = listingStored[0] == null ? elapsed : Duration.between(started, listingStored[0]);
            listener.on(new SyncEvent.Completed(pageId, mode, tally.counts(), tally.apiCalls(),
                    tally.conversationsSeen(), missing, elapsed, watermark, coverageOf(pageId), listing));
            return new SyncResult(pageId, SyncResult.Status.SUCCEEDED, mode, tally.counts(), tally.apiCalls(),
                    tally.conversationsSeen(), elapsed, null);
        } catch (CancelSignal.SyncCancelledException e) {
            return end(pass, runId, page, mode, RunOutcome.RunStatus.CANCELLED, SyncResult.Status.CANCELLED,
                    e.getMessage(), listener, started);
        } catch (GraphException e) {
            pass.tally().addCalls(e.httpCalls()); // the failed call's attempts reached Facebook too
            if (cancel.isCancelled()) {
                // the gateway was interrupted mid-call or mid-wait because we asked it to stop
                return end(pass, runId, page, mode, RunOutcome.RunStatus.CANCELLED, SyncResult.Status.CANCELLED,
                        new CancelSignal.SyncCancelledException().getMessage(), listener, started);
            }
            if (e.kind() == GraphException.Kind.TOKEN_INVALID) {
                store.markTokenInvalid(pageId, e.getMessage());
            }
            return end(pass, runId, page, mode, RunOutcome.RunStatus.FAILED, SyncResult.Status.FAILED,
                    e.getMessage(), listener, started);
        } catch (OutOfMemoryError e) {
            // Answers are capped in size, so this is some other load on a small heap: the run must still end,
            // recorded with a sentence, never left "running" nor showing people a Java error's name.
            log.warn("Sync of page {} ran out of memory", pageId, e);
            return end(pass, runId, page, mode, RunOutcome.RunStatus.FAILED, SyncResult.Status.FAILED,
                    "Inbox Sync ran out of memory during this sync. Nothing was lost; close other windows or give it "
                            + "more memory, and run the sync again.", listener, started);
        } catch (RuntimeException e) {
            if (e.getMessage() == null || e.getMessage().isBlank()) {
                log.warn("Sync of page {} failed on a bug", pageId, e); // no sentence for people: keep the trace
            } else {
                log.debug("Sync of page {} failed", pageId, e); // the sentence reaches people as the result
            }
            return end(pass, runId, page, mode, RunOutcome.RunStatus.FAILED, SyncResult.Status.FAILED,
                    describe(e), listener, started);
        }
    }

    /** A folder asked for and not read is behind (the watermark moves on without it); one read is caught up. */
    private void recordFoldersBehind(String pageId, List<Folder> asked, Set<Folder> before, Set<Folder> walked) {
        Set<Folder> after = EnumSet.noneOf(Folder.class);
        after.addAll(before);
        after.removeAll(walked);
        for (Folder f : asked) {
            if (!walked.contains(f)) {
                after.add(f);
            }
        }
        if (!after.equals(before)) {
            store.setFoldersBehind(pageId, after);
        }
    }

    private SyncResult end(PagePass pass, long runId, PageState page, SyncMode mode, RunOutcome.RunStatus runStatus,
                           SyncResult.Status status, String message, SyncListener listener, Instant started) {
        PassTally tally = pass.tally();
        try {
            withInterruptCleared(() -> store.finishRun(runId, page.pageId(),
                    new RunOutcome(runStatus, tally.counts(), tally.apiCalls(), null, message)));
        } catch (RuntimeException e) {
            log.warn("Could not record the end of run {} for page {}: {}", runId, page.pageId(), e.getMessage());
        }
        listener.on(new SyncEvent.Failed(page.pageId(), status, message, tally.counts(), tally.apiCalls(),
                tally.conversationsSeen()));
        return new SyncResult(page.pageId(), status, mode, tally.counts(), tally.apiCalls(), tally.conversationsSeen(),
                Duration.between(started, clock.instant()), message);
    }

    /** What the copy holds after the pass; a figure for people, so a failure to count never fails the sync. */
    private Coverage coverageOf(String pageId) {
        try {
            return store.coverage(pageId);
        } catch (RuntimeException e) {
            log.debug("Could not count the copy of page {}", pageId, e);
            return null;
        }
    }

    private SyncResult refuse(SyncRequest request, SyncListener listener, SyncResult.Status status, String message) {
        listener.on(new SyncEvent.Failed(request.pageId(), status, message));
        return SyncResult.refused(request.pageId(), status, message);
    }

    /**
     * A cancel may have interrupted this thread (to cut a long rate-limit wait short), yet the run must still be
     * recorded and the lock released: those database calls run with the flag cleared, set again afterwards.
     */
    private static void withInterruptCleared(Runnable databaseWork) {
        boolean interrupted = Thread.interrupted();
        try {
            databaseWork.run();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * The newest update seen, moved back by how long the pass took. Folders are walked one after the other, so a
     * conversation that changed in a folder already walked is missed by this pass, while a later folder may show
     * an even newer update; the watermark must stay below the first. Facebook's clock stood at least at
     * {@code newest} when the pass ended, so at least at {@code newest − duration} when it began, and everything
     * changed after that has a newer time. A duration is measured on one clock, so no clock skew enters.
     */
    private Instant safeWatermark(Instant newest, Instant started) {
        if (newest == null) {
            return null;
        }
        Duration took = Duration.between(started, clock.instant());
        return took.isNegative() ? newest : newest.minus(took).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    private static Instant newer(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage();
        return message == null || message.isBlank()
                ? "The sync stopped on an unexpected problem inside Inbox Sync. Nothing was lost; see the log for "
                        + "details, and run the sync again."
                : message;
    }
}
