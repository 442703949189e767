package app.inboxsync.sync;

import app.inboxsync.domain.SyncMode;
import java.time.Duration;
import java.time.Instant;

/**
 * What a sync tells the world while it runs. The UI, the CLI and the tests all consume this one stream;
 * events of one Page arrive in order, events of different Pages interleave.
 */
public sealed interface SyncEvent {

    String pageId();

    /** The run began. {@code expectedConversations} is a guess for progress bars (stored count), 0 if unknown. */
    record Started(String pageId, String pageName, SyncMode mode, long runId, long expectedConversations)
            implements SyncEvent { }

    /** Running totals after a batch was written (the old app's "syncing" event). */
    record Progress(String pageId, int conversationsSeen, BatchWrite counts, int apiCalls) implements SyncEvent { }

    /** One Graph page of conversations is safely in the database. {@code total} = conversations touched so far. */
    record BatchCompleted(String pageId, int batch, int conversationsInBatch, int total) implements SyncEvent { }

    /**
     * The history phase: older messages of long threads, fetched after the whole list is stored. Sent when the
     * phase starts and after each page of messages is written.
     *
     * @param conversationsLeft threads whose older messages are still to fetch in this pass (the one in hand included)
     * @param pagesLeft         Graph pages of messages still to fetch, estimated from Graph's {@code message_count}
     */
    record History(String pageId, int conversationsLeft, int pagesDone, int pagesLeft, int apiCalls)
            implements SyncEvent { }

    /** The Graph client holds calls back (rate limit or backoff); the sync goes on by itself after. */
    record Waiting(String pageId, Duration pause, String reason) implements SyncEvent { }

    /** Something people should know that does not stop the sync. */
    record Notice(String pageId, String message) implements SyncEvent { }

    /**
     * Both phases of the pass are done. {@code coverage} is what the copy holds now, counted in the database;
     * {@code listingElapsed} is how long it took until every conversation listed in this pass was stored.
     */
    record Completed(String pageId, SyncMode mode, BatchWrite counts, int apiCalls, int conversationsSeen,
                     int markedMissing, Duration elapsed, Instant watermark, Coverage coverage,
                     Duration listingElapsed) implements SyncEvent {

        public Completed(String pageId, SyncMode mode, BatchWrite counts, int apiCalls, int conversationsSeen,
                         int markedMissing, Duration elapsed, Instant watermark) {
            this(pageId, mode, counts, apiCalls, conversationsSeen, markedMissing, elapsed, watermark, null, elapsed);
        }
    }

    /**
     * The run failed or was cancelled; {@code message} says what happened and what to do next. The counts and
     * calls are the pass's final tally, the same figures {@code sync_runs} records for the run (the last
     * {@link Progress} may be calls behind), so a live view and the stored run agree.
     */
    record Failed(String pageId, SyncResult.Status status, String message, BatchWrite counts, int apiCalls,
                  int conversationsSeen) implements SyncEvent {

        /** A sync refused before it did anything. */
        public Failed(String pageId, SyncResult.Status status, String message) {
            this(pageId, status, message, BatchWrite.NONE, 0, 0);
        }
    }
}
