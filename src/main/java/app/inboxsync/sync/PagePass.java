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
 * One pass over one Page: walks each folder newest-first, completes the messages each changed conversation
 * needs, and hands every Graph page of conversations to the {@link BackgroundWriter} as one transaction.
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
    private final PassTally tally = new PassTally();
    private final Set<String> seen = new HashSet<>();
    private final Set<Folder> walked = EnumSet.noneOf(Folder.class);

    PagePass(GraphGateway graph, InboxStore store, SyncTuning tuning, PageAccess access, SyncMode mode,
             Instant watermark, SyncListener listener, CancelSignal cancel) {
        this.graph = graph;
        this.store = store;
        this.tuning = tuning;
        this.access = access;
        this.mode = mode;
        this.cutoff = mode == SyncMode.INCREMENTAL ? watermark.minus(tuning.overlap()) : null;
        this.listener = listener;
        this.cancel = cancel;
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

    /** @param behind folders an earlier pass could not read: walked to their end, whatever the mode */
    void run(List<Folder> folders, Set<Folder> behind) {
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
        }
    }

    private void walk(Folder folder, BackgroundWriter writer, boolean behind) {
        boolean toTheEnd = mode == SyncMode.FULL || behind;
        int limit = toTheEnd ? GraphGateway.MAX_LIMIT : tuning.firstIncrementalLimit();
        Instant previous = null;
        Cursor after = null;
        do {
            cancel.throwIfCancelled();
            ConversationBatch page = graph.conversations(access, folder, limit, tuning.nestedMessages(), after);
            tally.addCalls(page.httpCalls());
            List<FetchedConversation> changed = new ArrayList<>();
            boolean reachedWatermark = false;
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
            if (!changed.isEmpty()) {
                writeWithMessages(changed, writer);
            }
            after = page.next();
            limit = Math.min(GraphGateway.MAX_LIMIT, limit * 2);
            if (reachedWatermark && !toTheEnd) {
                break;
            }
        } while (after != null);
    }

    private void writeWithMessages(List<FetchedConversation> changed, BackgroundWriter writer) {
        Map<String, Instant> stored = mode == SyncMode.FULL ? Map.of()
                : store.newestStoredMessageTimes(access.pageId(), changed.stream().map(f -> f.conversation().id()).toList());
        List<Conversation> conversations = new ArrayList<>(changed.size());
        List<Message> messages = new ArrayList<>();
        for (FetchedConversation fetched : changed) {
            conversations.add(fetched.conversation());
            collectMessages(fetched, stored.get(fetched.conversation().id()), messages);
        }
        int size = conversations.size();
        writer.submit(conversations, messages, write -> {
            int batch = tally.addBatch(write, size);
            BatchWrite counts = tally.counts();
            listener.on(new SyncEvent.Progress(access.pageId(), tally.conversationsSeen(), counts, tally.apiCalls()));
            listener.on(new SyncEvent.BatchCompleted(access.pageId(), batch, size, counts.conversationsTouched()));
        });
    }

    /**
     * Full pass (or a conversation never stored): the complete history. Otherwise only what is newer than the
     * newest stored message: page further only while the page in hand is still all newer than that.
     */
    private void collectMessages(FetchedConversation fetched, Instant newestStored, List<Message> into) {
        String conversationId = fetched.conversation().id();
        List<Message> page = fetched.messages();
        Cursor next = fetched.moreMessages();
        while (true) {
            boolean reachedStored = false;
            for (Message m : page) {
                if (newestStored != null && m.createdTime().isBefore(newestStored)) {
                    reachedStored = true;
                } else {
                    into.add(m);
                }
            }
            if (next == null || reachedStored) {
                return;
            }
            cancel.throwIfCancelled();
            MessageBatch more = graph.messages(access, conversationId, next);
            tally.addCalls(more.httpCalls());
            page = more.messages();
            next = more.next();
        }
    }
}
