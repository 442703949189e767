package app.inboxsync.sync;

import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Message;
import app.inboxsync.domain.SyncMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An in-memory {@link InboxStore} for fast engine tests (and mutation runs): keeps what is written, records every
 * call the engine makes, and fails a chosen call on request. Not a second PostgresInboxStore: only what the
 * engine's decisions depend on (stored conversations, newest message per thread, history states).
 */
final class MemoryStore implements InboxStore {
    record Finished(long runId, String pageId, RunOutcome outcome) { }

    record Missing(String pageId, Set<String> seen, Instant at) { }

    PageState page;
    /** Every Page id is added, named "Page <id>" (for syncs of several Pages). */
    boolean anyPage;
    boolean lockFree = true;
    Optional<Instant> lastCompleted = Optional.empty();
    Set<Folder> behind = EnumSet.noneOf(Folder.class);
    /** Set to make that call fail (once per call while set). */
    Supplier<RuntimeException> failPageState;
    Supplier<RuntimeException> failFinishRun;
    Supplier<RuntimeException> failCoverage;
    Supplier<RuntimeException> failWrite;
    Supplier<RuntimeException> failStoredHistories;
    Coverage coverage = new Coverage(7, 70, 1, 2);
    /** How long each write takes (on the writer's thread). */
    volatile long writeMillis;
    /** Writes after this many fail (a negative number: none fails). */
    volatile int writesThatSucceed = -1;
    /** Runs at the end of each write (e.g. to move a test clock). */
    volatile Runnable onWrite = () -> { };
    /** Told what each write stored, after it is stored. */
    volatile java.util.function.BiConsumer<List<Conversation>, List<Message>> onStored = (cs, ms) -> { };
    /** How many messages each write carried, in order. */
    final List<Integer> writeSizes = new ArrayList<>();
    int writes;

    final Map<String, Conversation> conversations = new LinkedHashMap<>();
    final Map<String, Message> messages = new LinkedHashMap<>();
    final Map<String, HistoryMark> history = new HashMap<>();
    final List<Long> started = new ArrayList<>();
    final List<SyncMode> startedModes = new ArrayList<>();
    final List<Finished> finished = new ArrayList<>();
    final List<Missing> missing = new ArrayList<>();
    final List<Instant> oddCeilings = new ArrayList<>();
    final List<Set<Folder>> behindWritten = new ArrayList<>();
    final List<String> tokenInvalid = new ArrayList<>();
    final List<List<HistoryMark>> marksWritten = new ArrayList<>();
    int pageStateReads;
    int locksTaken;
    int locksReleased;
    /** Whether the thread was interrupted when the lock was released (it must not be: database work). */
    boolean interruptedAtRelease;
    int markedMissing = 3;

    MemoryStore(PageState page) {
        this.page = page;
    }

    @Override
    public synchronized Optional<PageState> pageState(String pageId) {
        pageStateReads++;
        if (failPageState != null) {
            throw failPageState.get();
        }
        if (page != null && anyPage && !page.pageId().equals(pageId)) {
            return Optional.of(new PageState(pageId, "Page " + pageId, page.watermark(), page.folders(), 0));
        }
        return page != null && page.pageId().equals(pageId) ? Optional.of(page) : Optional.empty();
    }

    @Override
    public synchronized Optional<SyncLock> tryLockPage(String pageId) {
        if (!lockFree) {
            return Optional.empty();
        }
        locksTaken++;
        return Optional.of(() -> {
            interruptedAtRelease = Thread.currentThread().isInterrupted();
            locksReleased++;
        });
    }

    @Override
    public synchronized long startRun(String pageId, SyncMode mode) {
        startedModes.add(mode);
        long id = 100 + started.size();
        started.add(id);
        return id;
    }

    @Override
    public synchronized Map<String, Instant> newestStoredMessageTimes(String pageId, Collection<String> conversationIds) {
        Map<String, Instant> out = new HashMap<>();
        for (String id : conversationIds) {
            newest(id).ifPresent(t -> out.put(id, t));
        }
        return out;
    }

    private Optional<Instant> newest(String conversationId) {
        return messages.values().stream().filter(m -> m.conversationId().equals(conversationId))
                .map(Message::createdTime).max(Instant::compareTo);
    }

    @Override
    public BatchWrite writeBatch(String pageId, List<Conversation> cs, List<Message> ms, List<HistoryMark> marks) {
        synchronized (this) {
            if (failWrite != null) {
                throw failWrite.get();
            }
            if (writesThatSucceed >= 0 && writes >= writesThatSucceed) {
                throw new IllegalStateException("The database refused the write.");
            }
            writes++;
            writeSizes.add(ms.size());
        }
        if (writeMillis > 0) {
            try {
                Thread.sleep(writeMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        BatchWrite done = stored(cs, ms, marks);
        onStored.accept(cs, ms);
        onWrite.run();
        return done;
    }

    private synchronized BatchWrite stored(List<Conversation> cs, List<Message> ms, List<HistoryMark> marks) {
        int cIn = 0;
        int cUp = 0;
        int mIn = 0;
        for (Conversation c : cs) {
            if (conversations.put(c.id(), c) == null) {
                cIn++;
                history.putIfAbsent(c.id(), HistoryMark.pending(c.id()));
            } else {
                cUp++;
            }
        }
        for (Message m : ms) {
            if (messages.put(m.id(), m) == null) {
                mIn++;
            }
        }
        for (HistoryMark h : marks) {
            history.put(h.conversationId(), h);
        }
        marksWritten.add(List.copyOf(marks));
        return new BatchWrite(cIn, cUp, 0, mIn, ms.size() - mIn);
    }

    @Override
    public synchronized Map<String, StoredHistory> storedHistories(String pageId, Collection<String> conversationIds) {
        if (failStoredHistories != null) {
            throw failStoredHistories.get();
        }
        Map<String, StoredHistory> out = new HashMap<>();
        for (String id : conversationIds) {
            HistoryMark h = history.get(id);
            if (conversations.containsKey(id) && h != null) {
                out.put(id, new StoredHistory(h.state(), newest(id).orElse(null), h.reason(), h.code()));
            }
        }
        return out;
    }

    @Override
    public synchronized List<PendingHistory> pendingHistories(String pageId) {
        return conversations.values().stream()
                .filter(c -> c.pageId().equals(pageId)) // several Pages may sync into one store
                .filter(c -> history.get(c.id()) != null && history.get(c.id()).state() == HistoryState.PENDING)
                .map(c -> new PendingHistory(c.id(), c.messageCount() == null ? 0 : c.messageCount())).toList();
    }

    @Override
    public synchronized Coverage coverage(String pageId) {
        if (failCoverage != null) {
            throw failCoverage.get();
        }
        return coverage;
    }

    @Override
    public synchronized int markMissing(String pageId, Collection<String> seenIds, Instant at) {
        missing.add(new Missing(pageId, Set.copyOf(seenIds), at));
        return markedMissing;
    }

    @Override
    public synchronized int flagOddTimes(String pageId, Instant ceiling) {
        oddCeilings.add(ceiling);
        return 0;
    }

    @Override
    public synchronized void finishRun(long runId, String pageId, RunOutcome outcome) {
        if (failFinishRun != null) {
            throw failFinishRun.get();
        }
        finished.add(new Finished(runId, pageId, outcome));
    }

    @Override
    public synchronized Set<Folder> foldersBehind(String pageId) {
        return Set.copyOf(behind);
    }

    @Override
    public synchronized void setFoldersBehind(String pageId, Set<Folder> folders) {
        behindWritten.add(Set.copyOf(folders));
        behind = folders.isEmpty() ? EnumSet.noneOf(Folder.class) : EnumSet.copyOf(folders);
    }

    @Override
    public synchronized void markTokenInvalid(String pageId, String reason) {
        tokenInvalid.add(reason);
    }

    @Override
    public Optional<Instant> lastCompletedSync(String pageId) {
        return lastCompleted;
    }

    @Override
    public Instant databaseNow() {
        return Instant.now();
    }
}
