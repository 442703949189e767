package app.inboxsync.sync;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Message;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Phase 2 of a pass: the older messages of the threads that need them, after the whole list is stored. One
 * thread at a time, to its end, so a pass that stops here leaves at most one thread half walked; each Graph page
 * of messages is written (pipelined with the next call) with the thread's new state in the same transaction.
 *
 * <p>Cursors expire, so none is stored. A thread left pending by an earlier pass is walked again from its newest
 * message ({@code GET /{conversation}/messages}): that costs the calls of the pages already stored once more, for
 * that one thread only; threads already complete cost nothing.
 *
 * <p>Facebook may refuse the older messages of a thread (code 100: "deleted", "unavailable", an unsupported
 * request; a permission error on that thread only) or give them without details. That thread is then marked
 * withheld with Facebook's words, what came is kept, and the Page's sync goes on.
 */
final class HistoryPhase {
    /** Messages per Graph page in the history walk (the largest limit Graph takes). */
    private static final int PAGE = GraphGateway.MAX_LIMIT;
    /** A run of permission refusals this long, none of it answered, gets the listing asked again (see below). */
    private static final int PROBE_EVERY = 10;
    /** At most this many fetched messages wait for a busy writer. */
    private static final int MAX_UNWRITTEN = 2_000;
    private static final Pattern FACEBOOK_SAID = Pattern.compile("Facebook said: \"(.*)\" \\(code");

    /**
     * One thread's walk.
     *
     * @param start       where to go on (a cursor of this pass), or null for the thread's newest message
     * @param stopBefore  for a gap: page on only while messages are newer than this (the newest stored before);
     *                    null walks to the end
     * @param whenDone    the state written with the last page
     * @param detailless  messages without details already seen in this thread in this pass
     */
    record Job(String conversationId, Cursor start, Instant stopBefore, HistoryMark whenDone, int estimatedPages,
               int detailless) {

        /** The rest of a new or pending thread, after the nested page of this pass. */
        static Job rest(String conversationId, Cursor start, int messagesLeft, int detailless) {
            return new Job(conversationId, start, null, HistoryMark.complete(conversationId), pages(messagesLeft),
                    detailless);
        }

        /** More new messages than the nested page held: page until the stored ones are reached. */
        static Job gap(String conversationId, Cursor start, Instant newestStored, HistoryMark restore, int detailless) {
            return new Job(conversationId, start, newestStored, restore, 1, detailless);
        }

        /** A thread an earlier pass left pending and this one did not list: from its newest message. */
        static Job again(InboxStore.PendingHistory pending) {
            return new Job(pending.conversationId(), null, null, HistoryMark.complete(pending.conversationId()),
                    pages(pending.reportedMessages()), 0);
        }

        private static int pages(int messages) {
            return Math.max(1, (messages + PAGE - 1) / PAGE);
        }
    }

    private final GraphGateway graph;
    private final InboxStore store;
    private final PageAccess access;
    private final SyncListener listener;
    private final CancelSignal cancel;
    private final PassTally tally;
    private final BackgroundWriter writer;
    private final Set<String> withheld;
    private final BatchBudget budget;
    private int permissionRefusals;
    private int pagesDone;
    /** Pages fetched while the writer was busy, written together when it is free (see {@link #write}). */
    private final List<Message> unwrittenMessages = new ArrayList<>();
    private final List<HistoryMark> unwrittenMarks = new ArrayList<>();
    /** The budget held for the unwritten pages, handed to the writer with them. */
    private final List<BatchBudget.Hold> unwrittenHolds = new ArrayList<>();
    private SyncEvent.History unwrittenProgress;
    /** What the next page of messages is expected to take: the previous page's size, a generous guess at first. */
    private long expectedAnswer = BatchBytes.guess(1, PAGE);

    HistoryPhase(GraphGateway graph, InboxStore store, PageAccess access, SyncListener listener, CancelSignal cancel,
                 PassTally tally, BackgroundWriter writer, Set<String> withheld, BatchBudget budget) {
        this.graph = graph;
        this.store = store;
        this.access = access;
        this.listener = listener;
        this.cancel = cancel;
        this.tally = tally;
        this.writer = writer;
        this.withheld = withheld;
        this.budget = budget;
    }

    /**
     * Walks the threads the listing found, then those an earlier pass left pending. Call after the listing's
     * writes are done: the pending ones are read from the database.
     *
     * @param probeFolder a folder the listing just read, asked again to tell a Page-wide permission loss
     */
    void run(List<Job> listed, Folder probeFolder) {
        // A thread that moved folders while the listing ran is listed twice: walk it once.
        List<Job> jobs = new ArrayList<>(listed.size());
        Set<String> planned = new HashSet<>();
        for (Job j : listed) {
            if (planned.add(j.conversationId())) {
                jobs.add(j);
            }
        }
        for (InboxStore.PendingHistory p : store.pendingHistories(access.pageId())) {
            if (planned.add(p.conversationId())) {
                jobs.add(Job.again(p));
            }
        }
        if (jobs.isEmpty()) {
            return;
        }
        int pagesLeft = jobs.stream().mapToInt(Job::estimatedPages).sum();
        listener.on(new SyncEvent.History(access.pageId(), jobs.size(), 0, pagesLeft, tally.apiCalls()));
        try {
            for (int i = 0; i < jobs.size(); i++) {
                Job job = jobs.get(i);
                pagesLeft -= job.estimatedPages();
                walk(job, jobs.size() - i, pagesLeft, probeFolder);
            }
            flush();
        } catch (RuntimeException stopped) {
            keepWhatWasFetched(stopped);
            throw stopped;
        } finally {
            // Pages that never reached the writer (it failed, or an Error ended the walk) hold nothing any more.
            unwrittenHolds.forEach(BatchBudget.Hold::close);
            unwrittenHolds.clear();
        }
    }

    /**
     * A pass stopping here (cancelled, a Graph failure) still writes the pages it fetched; a cancel's interrupt is
     * set aside meanwhile, or the wait for the write would end at once.
     */
    private void keepWhatWasFetched(RuntimeException stopped) {
        boolean interrupted = Thread.interrupted();
        try {
            flush();
            writer.awaitWrites();
        } catch (RuntimeException alsoFailed) {
            if (alsoFailed != stopped) {
                stopped.addSuppressed(alsoFailed);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Hands a page to the writer at once when it is free (at Graph's pace it always is), else keeps it until it
     * is, so a fast Graph never waits for the database: pages fetched meanwhile go in one transaction, up to
     * {@link #MAX_UNWRITTEN} messages (memory stays bounded; then the fetch waits for the write).
     */
    private void write(List<Message> messages, HistoryMark mark, SyncEvent.History progress) {
        unwrittenMessages.addAll(messages);
        if (mark != null) {
            unwrittenMarks.add(mark);
        }
        unwrittenProgress = progress;
        if (writer.idle() || unwrittenMessages.size() >= MAX_UNWRITTEN) {
            flush();
        }
    }

    /**
     * Holds what the next page of messages is expected to take on the budget, before it is asked for. When that
     * does not fit at once, the pages kept so far go to the writer first: a Page waiting for the budget must hold
     * nothing only it would give back, or it would wait for itself.
     */
    private BatchBudget.Hold hold(long bytes) {
        BatchBudget.Hold now = budget.tryAcquire(bytes);
        if (now != null) {
            return now;
        }
        flush();
        return budget.acquire(bytes);
    }

    private void flush() {
        if (unwrittenMessages.isEmpty() && unwrittenMarks.isEmpty()) {
            unwrittenHolds.forEach(BatchBudget.Hold::close);
            unwrittenHolds.clear();
            return;
        }
        List<Message> messages = List.copyOf(unwrittenMessages);
        List<HistoryMark> marks = List.copyOf(unwrittenMarks);
        List<BatchBudget.Hold> holds = List.copyOf(unwrittenHolds);
        SyncEvent.History progress = unwrittenProgress;
        unwrittenMessages.clear();
        unwrittenMarks.clear();
        unwrittenHolds.clear();
        unwrittenProgress = null;
        writer.submit(List.of(), messages, marks, holds, write -> {
            tally.addMessages(write);
            if (progress != null) {
                listener.on(new SyncEvent.History(progress.pageId(), progress.conversationsLeft(),
                        progress.pagesDone(), progress.pagesLeft(), tally.apiCalls()));
            }
        });
    }

    private void walk(Job job, int threadsLeft, int pagesAfter, Folder probeFolder) {
        String id = job.conversationId();
        Cursor cursor = job.start();
        int detailless = job.detailless();
        int pagesOfJob = 0;
        while (true) {
            cancel.throwIfCancelled();
            BatchBudget.Hold hold = hold(expectedAnswer);
            MessageBatch batch;
            try {
                batch = graph.messages(access, id, cursor);
            } catch (GraphException e) {
                hold.close();
                if (cancel.isCancelled() || !refusedForThisThread(e, probeFolder)) {
                    throw e;
                }
                tally.addCalls(1);
                withheld.add(id);
                HistoryMark mark = HistoryMark.withheld(id, facebookWords(e), e.code());
                write(List.of(), mark, null);
                return;
            } catch (RuntimeException | Error e) {
                hold.close();
                throw e;
            }
            unwrittenHolds.add(hold); // given back by the writer, with the page's write
            expectedAnswer = BatchBytes.of(batch);
            hold.resize(expectedAnswer);
            permissionRefusals = 0;
            tally.addCalls(batch.httpCalls());
            pagesOfJob++;
            List<Message> kept = new ArrayList<>(batch.messages().size());
            boolean reachedStored = false;
            int pageDetailless = 0;
            for (Message m : batch.messages()) {
                if (job.stopBefore() != null && m.createdTime().isBefore(job.stopBefore())) {
                    reachedStored = true;
                    continue;
                }
                kept.add(m);
                if (m.onlyItsId()) {
                    pageDetailless++;
                }
            }
            detailless += pageDetailless;
            // A page entirely without details: older ones would be ids only too (see PagePass.plan).
            boolean noDetails = !batch.messages().isEmpty() && pageDetailless == batch.messages().size();
            // A next link that repeats is not withheld history but a broken answer: the gateway's RepeatGuard fails
            // the Page with a sentence when it is followed (a server that loops must not pass for a complete copy).
            boolean last = batch.next() == null || reachedStored || noDetails;
            HistoryMark mark = null;
            if (last) {
                mark = detailless > 0 && job.whenDone().state() == HistoryState.COMPLETE
                        ? HistoryMark.withoutDetails(id, detailless) : job.whenDone();
                if (mark.state() == HistoryState.WITHHELD && job.stopBefore() == null) {
                    withheld.add(id);
                }
            }
            int done = ++pagesDone;
            int left = pagesAfter + (last ? 0 : Math.max(1, job.estimatedPages() - pagesOfJob));
            int threads = last ? threadsLeft - 1 : threadsLeft;
            write(kept, mark, new SyncEvent.History(access.pageId(), threads, done, left, 0));
            if (last) {
                return;
            }
            cursor = batch.next();
        }
    }

    /**
     * Whether Facebook refused this one thread's messages rather than the Page: code 100 on a thread's messages
     * edge ("deleted", "unavailable", an unsupported request) always is, as the listing just worked with the same
     * fields. A permission error may be either, so the first one, and every {@value #PROBE_EVERY}th in a row,
     * has a folder's first conversation asked again: if that is refused too, the Page lost the permission and
     * its sync fails as it would in the listing.
     */
    private boolean refusedForThisThread(GraphException e, Folder probeFolder) {
        if (e.kind() == GraphException.Kind.INVALID_REQUEST && e.code() == 100) {
            return true;
        }
        if (e.kind() != GraphException.Kind.PERMISSION) {
            return false;
        }
        if (permissionRefusals++ % PROBE_EVERY == 0) {
            try {
                tally.addCalls(graph.conversations(access, probeFolder, 1, 0, null).httpCalls());
            } catch (GraphException probe) {
                if (probe.kind() == GraphException.Kind.PERMISSION) {
                    throw e;
                }
                throw probe;
            }
        }
        return true;
    }

    /** Facebook's own words from the gateway's sentence, else the whole sentence. */
    static String facebookWords(GraphException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        Matcher m = FACEBOOK_SAID.matcher(message);
        return m.find() ? m.group(1) : message;
    }
}
