package app.inboxsync.sync;

import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Message;
import app.inboxsync.domain.SyncMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One pass over one Page, in two phases. The listing walks each folder newest-first and hands every Graph page of
 * conversations, with their nested newest messages, to the {@link BackgroundWriter} as one transaction; the
 * {@link HistoryPhase} then fetches the older messages of the threads that need them.
 */
final class PagePass {
    private final GraphGateway graph;
    private final InboxStore store;
    private final SyncTuning tuning;
    private final PageAccess access;
    private final SyncMode mode;
    private final Instant cutoff;
    private final SyncListener listener;
    private final CancelSignal cancel;
    private final BatchBudget budget;
    private final PassTally tally = new PassTally();
    private final Set<String> seen = new HashSet<>();
    private final Set<Folder> walked = EnumSet.noneOf(Folder.class);
    /** Phase 2's work, found by the listing, newest first. */
    private final List<HistoryPhase.Job> histories = new ArrayList<>();
    /** Conversations this pass found withheld by Facebook (for the one notice per sync). */
    private final Set<String> withheld = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** What the next listing answer is expected to take on the budget: the previous one's size (0: none yet). */
    private long expectedListing;

    PagePass(GraphGateway graph, InboxStore store, SyncTuning tuning, PageAccess access, SyncMode mode,
             Instant watermark, SyncListener listener, CancelSignal cancel, BatchBudget budget) {
        this.graph = graph;
        this.store = store;
        this.tuning = tuning;
        this.access = access;
        this.mode = mode;
        this.cutoff = mode == SyncMode.INCREMENTAL ? watermark.minus(tuning.overlap()) : null;
        this.listener = listener;
        this.cancel = cancel;
        this.budget = budget;
    }

    PassTally tally() {
        return tally;
    }

    /** Ids of every conversation read in this pass (for marking the ones that vanished after a full pass). */
    Set<String> seenConversationIds() {
        return seen;
    }

    /** The folders this pass read to the end of what it needed; a folder Facebook refused is not among them. */
    Set<Folder> walkedFolders() {
        return walked;
    }

    /**
     * Phase 1, the listing: every folder, each Graph page of conversations written with its nested newest
     * messages. Then {@code listingStored} runs (every listed conversation is in the database), and phase 2, the
     * history: the older messages of the threads that need them.
     *
     * @param behind folders an earlier pass could not read: walked to their end, whatever the mode
     */
    void run(List<Folder> folders, Set<Folder> behind, Runnable listingStored) {
        try (BackgroundWriter writer = new BackgroundWriter(store, access.pageId())) {
            for (Folder folder : folders) {
                try {
                    walk(folder, writer, behind.contains(folder));
                    walked.add(folder);
                } catch (GraphException e) {
                    if (e.kind() != GraphException.Kind.FOLDER_REFUSED) {
                        throw e;
                    }
                    // A Graph version that no longer serves a folder must not stop the other folders.
                    listener.on(new SyncEvent.Notice(access.pageId(), e.getMessage()));
                }
            }
            writer.awaitWrites();
            listingStored.run();
            new HistoryPhase(graph, store, access, listener, cancel, tally, writer, withheld, budget)
                    .run(histories, folders.isEmpty() ? Folder.INBOX : folders.get(0));
            writer.awaitWrites();
        }
        if (!withheld.isEmpty()) {
            int n = withheld.size();
            listener.on(new SyncEvent.Notice(access.pageId(), "Facebook keeps the older messages of " + n
                    + (n == 1 ? " conversation" : " conversations") + " out of reach. What it gave is stored; "
                    + "pages list counts them as withheld."));
        }
    }

    private void walk(Folder folder, BackgroundWriter writer, boolean behind) {
        boolean toTheEnd = mode == SyncMode.FULL || behind;
        int limit = toTheEnd ? GraphGateway.MAX_LIMIT : tuning.firstIncrementalLimit();
        Instant previous = null;
        Cursor after = null;
        do {
            cancel.throwIfCancelled();
            // Held from before the call until the writer has stored the page; Pages queue here when it is spent.
            BatchBudget.Hold hold = budget.acquire(expectedListing > 0 ? expectedListing
                    : BatchBytes.guess(limit, tuning.nestedMessages()));
            ConversationBatch page;
            try {
                page = graph.conversations(access, folder, limit, tuning.nestedMessages(), after);
            } catch (RuntimeException | Error e) {
                hold.close();
                throw e;
            }
            tally.addCalls(page.httpCalls());
            expectedListing = BatchBytes.of(page);
            hold.resize(expectedListing);
            List<FetchedConversation> changed = new ArrayList<>();
            boolean reachedWatermark = false;
            try {
                for (FetchedConversation fetched : page.conversations()) {
                    Instant updated = fetched.conversation().updatedTime();
                    if (previous != null && updated.isAfter(previous) && !toTheEnd) {
                        // Newest-first is observed, not promised: once it breaks, the watermark cannot be trusted.
                        toTheEnd = true;
                        listener.on(new SyncEvent.Notice(access.pageId(), "Facebook returned " + folder.wireName()
                                + " out of order; reading this folder to its end to be sure nothing is missed."));
                    }
                    previous = updated;
                    tally.sawUpdate(updated);
                    if (!toTheEnd && updated.isBefore(cutoff)) {
                        reachedWatermark = true;
                        continue;
                    }
                    seen.add(fetched.conversation().id());
                    changed.add(fetched);
                }
            } catch (RuntimeException | Error e) {
                hold.close();
                throw e;
            }
            if (changed.isEmpty()) {
                hold.close();
            } else {
                writeWithMessages(changed, writer, hold); // the writer gives the hold back
            }
            after = page.next();
            limit = Math.min(GraphGateway.MAX_LIMIT, limit * 2);
            if (reachedWatermark && !toTheEnd) {
                break;
            }
        } while (after != null);
    }

    /** Writes the batch and gives {@code hold} back once it is written, or at once if it never reaches the writer. */
    private void writeWithMessages(List<FetchedConversation> changed, BackgroundWriter writer, BatchBudget.Hold hold) {
        List<Conversation> conversations = new ArrayList<>(changed.size());
        List<Message> messages = new ArrayList<>();
        List<HistoryMark> marks = new ArrayList<>();
        try {
            planBatch(changed, conversations, messages, marks);
        } catch (RuntimeException | Error e) {
            hold.close();
            throw e;
        }
        int size = conversations.size();
        writer.submit(conversations, messages, marks, List.of(hold), write -> {
            int batch = tally.addBatch(write, size);
            BatchWrite counts = tally.counts();
            listener.on(new SyncEvent.Progress(access.pageId(), tally.conversationsSeen(), counts, tally.apiCalls()));
            listener.on(new SyncEvent.BatchCompleted(access.pageId(), batch, size, counts.conversationsTouched()));
        });
    }

    /** What the writer stores of the listed conversations, and what phase 2 still has to fetch of them. */
    private void planBatch(List<FetchedConversation> changed, List<Conversation> conversations, List<Message> messages,
                           List<HistoryMark> marks) {
        Map<String, StoredHistory> stored = store.storedHistories(access.pageId(),
                changed.stream().map(f -> f.conversation().id()).toList());
        for (FetchedConversation fetched : changed) {
            conversations.add(fetched.conversation());
            StoredHistory before = stored.get(fetched.conversation().id());
            Instant newestStored = mode == SyncMode.FULL || before == null ? null : before.newestMessage();
            for (Message m : fetched.messages()) {
                // Incremental: only what is newer than the newest stored message; a full pass rewrites the page.
                if (newestStored == null || !m.createdTime().isBefore(newestStored)) {
                    messages.add(m);
                }
            }
            plan(fetched, before, marks);
        }
    }

    /**
     * Decides, from the nested page and what is stored, the conversation's history state and what phase 2 still
     * has to fetch. The older pages are never fetched here: the whole list comes first.
     * <ul>
     * <li>No further page: the nested page is the whole history.</li>
     * <li>A nested page entirely without details: Facebook's detail limit goes by age, so older pages would be
     * ids only, each a call; the walk ends here, withheld.</li>
     * <li>New or pending (or withheld, in a full pass): phase 2 walks the rest from the nested page's cursor.</li>
     * <li>Complete or withheld, changed by more new messages than the nested page holds (it reaches no stored
     * message): a gap. Phase 2 pages on only while the messages are newer than stored; until then the
     * conversation is pending, so a pass that stops before filling the gap leaves it to the next one.</li>
     * </ul>
     */
    private void plan(FetchedConversation fetched, StoredHistory before, List<HistoryMark> marks) {
        String id = fetched.conversation().id();
        List<Message> nested = fetched.messages();
        int detailless = (int) nested.stream().filter(Message::onlyItsId).count();
        Cursor more = fetched.moreMessages();
        if (more == null || (detailless > 0 && detailless == nested.size())) {
            HistoryMark mark = detailless > 0 ? HistoryMark.withoutDetails(id, detailless) : HistoryMark.complete(id);
            marks.add(mark);
            if (mark.state() == HistoryState.WITHHELD) {
                withheld.add(id);
            }
            return;
        }
        // Graph's count is an estimate, and a Graph version may not give it at all (then one more page is guessed).
        Integer count = fetched.conversation().messageCount();
        int reported = count == null ? nested.size() + GraphGateway.MAX_LIMIT : count;
        // A full pass asks withheld threads again: a refusal may have been passing, and a full pass is the one
        // that reads everything. Incremental passes leave them alone, so they cost nothing while nothing changes.
        boolean again = before != null && before.state() == HistoryState.WITHHELD && mode == SyncMode.FULL;
        if (before == null || before.state() == HistoryState.PENDING || before.newestMessage() == null || again) {
            marks.add(HistoryMark.pending(id));
            histories.add(HistoryPhase.Job.rest(id, more, reported - nested.size(), detailless));
            return;
        }
        boolean reachesStored = nested.stream().anyMatch(m -> m.createdTime().isBefore(before.newestMessage()));
        if (reachesStored) {
            if (detailless > 0 && before.state() == HistoryState.COMPLETE) {
                marks.add(HistoryMark.withoutDetails(id, detailless));
                withheld.add(id);
            }
            return;
        }
        HistoryMark restore = before.state() == HistoryState.WITHHELD
                ? HistoryMark.withheld(id, before.reason(), before.code())
                : HistoryMark.complete(id);
        marks.add(HistoryMark.pending(id));
        histories.add(HistoryPhase.Job.gap(id, more, before.newestMessage(), restore, detailless));
    }
}
