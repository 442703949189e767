package app.inboxsync.sync;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.SyncMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
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

    public SyncService(GraphGateway graph, InboxStore store, SyncTuning tuning, Clock clock) {
        this.graph = Objects.requireNonNull(graph, "graph");
        this.store = Objects.requireNonNull(store, "store");
        this.tuning = Objects.requireNonNull(tuning, "tuning");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public SyncService(GraphGateway graph, InboxStore store) {
        this(graph, store, SyncTuning.DEFAULT, Clock.systemUTC());
    }

    public SyncResult sync(SyncRequest request, SyncListener listener, CancelSignal cancel) {
        SyncListener shielded = listener.shielded();
        try {
            return syncWith(request, shielded, cancel);
        } catch (RuntimeException e) {
            // Before a run exists (page state, lock, run row): the database is down or unreachable. This Page
            // fails with the store's sentence; a "sync all" goes on with the others instead of crashing.
            log.debug("Sync of page {} could not start", request.pageId(), e);
            return refuse(request, shielded, SyncResult.Status.FAILED, describe(e));
        }
    }

    private SyncResult syncWith(SyncRequest request, SyncListener listener, CancelSignal cancel) {
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
        if (lock.isEmpty()) {
            return refuse(request, listener, SyncResult.Status.ALREADY_RUNNING, "Another sync of page "
                    + state.get().name() + " is already running (in this or another window or machine). "
                    + "Wait for it to finish.");
        }
        try {
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
        SyncMode mode = request.forceFull() || page.watermark() == null ? SyncMode.FULL : SyncMode.INCREMENTAL;
        List<Folder> folders = request.folders() != null ? request.folders() : page.folders();
        long runId = store.startRun(pageId, mode);
        listener.on(new SyncEvent.Started(pageId, page.name(), mode, runId, page.storedConversations()));
        PagePass pass = new PagePass(graph, store, tuning, request.access(), mode, page.watermark(), listener, cancel);
        try {
            pass.run(folders);
            int missing = 0;
            if (mode == SyncMode.FULL && folders.containsAll(Folder.ALL)) {
                // Only a pass over every folder can tell that a conversation is gone from Facebook.
                missing = store.markMissing(pageId, pass.seenConversationIds(), clock.instant());
            }
            Instant watermark = newer(page.watermark(), safeWatermark(pass.tally().newestUpdate(), started));
            PassTally tally = pass.tally();
            store.finishRun(runId, pageId, new RunOutcome(RunOutcome.RunStatus.SUCCEEDED, tally.counts(),
                    tally.apiCalls(), watermark, null));
            Duration elapsed = Duration.between(started, clock.instant());
            listener.on(new SyncEvent.Completed(pageId, mode, tally.counts(), tally.apiCalls(),
                    tally.conversationsSeen(), missing, elapsed, watermark));
            return new SyncResult(pageId, SyncResult.Status.SUCCEEDED, mode, tally.counts(), tally.apiCalls(),
                    tally.conversationsSeen(), elapsed, null);
        } catch (CancelSignal.SyncCancelledException e) {
            return end(pass, runId, page, mode, RunOutcome.RunStatus.CANCELLED, SyncResult.Status.CANCELLED,
                    e.getMessage(), listener, started);
        } catch (GraphException e) {
            pass.tally().addCalls(e.httpCalls());
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

    private SyncResult end(PagePass pass, long runId, PageState page, SyncMode mode, RunOutcome.RunStatus runStatus,
                           SyncResult.Status status, String message, SyncListener listener, Instant started) {
        PassTally tally = pass.tally();
        try {
            withInterruptCleared(() -> store.finishRun(runId, page.pageId(),
                    new RunOutcome(runStatus, tally.counts(), tally.apiCalls(), null, message)));
        } catch (RuntimeException e) {
            log.warn("Could not record the end of run {} for page {}: {}", runId, page.pageId(), e.getMessage());
        }
        listener.on(new SyncEvent.Failed(page.pageId(), status, message));
        return new SyncResult(page.pageId(), status, mode, tally.counts(), tally.apiCalls(), tally.conversationsSeen(),
                Duration.between(started, clock.instant()), message);
    }

    private SyncResult refuse(SyncRequest request, SyncListener listener, SyncResult.Status status, String message) {
        listener.on(new SyncEvent.Failed(request.pageId(), status, message));
        return new SyncResult(request.pageId(), status, null, BatchWrite.NONE, 0, 0, Duration.ZERO, message);
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
                ? "The sync stopped on an unexpected " + e.getClass().getSimpleName() + ". See the log for details."
                : message;
    }
}
