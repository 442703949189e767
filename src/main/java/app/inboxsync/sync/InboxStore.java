package app.inboxsync.sync;

import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Message;
import app.inboxsync.domain.SyncMode;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The local copy, as the sync engine writes it. Thread safe: several Pages sync at once. */
public interface InboxStore {

    Optional<PageState> pageState(String pageId);

    /**
     * Takes the per-Page sync lock (a PostgreSQL advisory lock held on its own connection), or returns
     * empty when another sync of that Page, in this process or any other, holds it.
     */
    Optional<SyncLock> tryLockPage(String pageId);

    /**
     * Inserts a {@code sync_runs} row with status running and returns its id. Called under the page lock, so it
     * also closes, as failed, any run of the page still marked running (its process was killed).
     */
    long startRun(String pageId, SyncMode mode);

    /** For each given conversation that has stored messages, the newest stored message's created_time. */
    Map<String, Instant> newestStoredMessageTimes(String pageId, Collection<String> conversationIds);

    /**
     * Writes one Graph page worth of conversations and their messages in one transaction, with bulk
     * upserts that leave equal rows untouched, local tags and notes alone, and clear {@code missing_since}.
     * Duplicate keys inside the lists are allowed (the last one wins).
     */
    default BatchWrite writeBatch(String pageId, List<Conversation> conversations, List<Message> messages) {
        return writeBatch(pageId, conversations, messages, List.of());
    }

    /**
     * {@link #writeBatch(String, List, List)}, and in the same transaction the history state of the conversations
     * in {@code history}, so a state never claims messages that are not stored. A conversation stored for the first
     * time starts {@link HistoryState#PENDING}.
     */
    BatchWrite writeBatch(String pageId, List<Conversation> conversations, List<Message> messages,
                          List<HistoryMark> history);

    /** For each given conversation that is stored: its history state and its newest stored message's time. */
    Map<String, StoredHistory> storedHistories(String pageId, Collection<String> conversationIds);

    /** The Page's conversations whose history is {@link HistoryState#PENDING}, newest first. */
    List<PendingHistory> pendingHistories(String pageId);

    /** What the copy of the Page holds now (conversations, messages, pending and withheld histories). */
    Coverage coverage(String pageId);

    /**
     * A conversation whose older messages are still to fetch.
     *
     * @param reportedMessages Graph's {@code message_count} estimate, for "pages to go"
     */
    record PendingHistory(String conversationId, int reportedMessages) { }

    /**
     * After a full pass: marks every stored conversation of the Page that is not in {@code seenIds} and not
     * yet marked as missing since {@code at}. Returns how many were marked. Their data is kept.
     */
    int markMissing(String pageId, Collection<String> seenIds, Instant at);

    /**
     * Flags the Page's stored conversations whose updated time lies past {@code ceiling} (the time Facebook
     * answered, plus a small skew) and clears the flag of the others. Returns how many are flagged now.
     */
    int flagOddTimes(String pageId, Instant ceiling);

    /** Closes the run; for a succeeded run with a watermark, advances the Page's watermark atomically. */
    void finishRun(long runId, String pageId, RunOutcome outcome);

    /**
     * Folders of the Page a completed pass could not read (Facebook refused them). The watermark moved on without
     * them, so the next pass that can read one must walk it to its end.
     */
    default Set<Folder> foldersBehind(String pageId) {
        return Set.of();
    }

    /** Replaces the Page's folders behind (see {@link #foldersBehind}). */
    default void setFoldersBehind(String pageId, Set<Folder> folders) {
    }

    /** Records that the Page's token stopped working (code 190), with Graph's reason. */
    void markTokenInvalid(String pageId, String reason);

    /**
     * When the Page's last succeeded sync finished, on the database's clock; empty when none ever did. Processes
     * that share Pages (several machines on one server) take the stalest first and skip one finished this round.
     */
    Optional<Instant> lastCompletedSync(String pageId);

    /** The database's clock now: rounds on several machines are measured on one clock, not on each machine's. */
    Instant databaseNow();

    /** The per-Page lock; closing it releases it. */
    interface SyncLock extends AutoCloseable {
        @Override
        void close();
    }
}
