package app.inboxsync.store.write;

import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Message;
import app.inboxsync.domain.SyncMode;
import app.inboxsync.store.StoreException;
import app.inboxsync.store.jdbc.Rows;
import app.inboxsync.store.jdbc.Transaction;
import app.inboxsync.store.server.Database;
import app.inboxsync.sync.BatchWrite;
import app.inboxsync.sync.Coverage;
import app.inboxsync.sync.HistoryMark;
import app.inboxsync.sync.HistoryState;
import app.inboxsync.sync.InboxStore;
import app.inboxsync.sync.PageState;
import app.inboxsync.sync.RunOutcome;
import app.inboxsync.sync.StoredHistory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/** The sync engine's {@link InboxStore} on PostgreSQL. Thread safe: every call takes its own connection. */
public final class PostgresInboxStore implements InboxStore {
    private final DataSource dataSource;

    public PostgresInboxStore(Database database) {
        this(database.dataSource());
    }

    public PostgresInboxStore(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public Optional<PageState> pageState(String pageId) {
        String sql = """
                SELECT p.name, p.last_synced_at, p.folders,
                       (SELECT count(*) FROM messenger_conversations c WHERE c.page_id = p.facebook_page_id)
                  FROM facebook_pages p WHERE p.facebook_page_id = ?
                """;
        return Transaction.read(dataSource, "read the state of page " + pageId, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, pageId);
                try (ResultSet rs = s.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new PageState(pageId, rs.getString(1), Rows.instant(rs, 2),
                            Rows.folders(rs, 3), rs.getLong(4)));
                }
            }
        });
    }

    @Override
    public Optional<SyncLock> tryLockPage(String pageId) {
        return PageLock.tryTake(dataSource, pageId);
    }

    @Override
    public Optional<Instant> lastCompletedSync(String pageId) {
        String sql = "SELECT max(finished_at) FROM sync_runs WHERE page_id = ? AND status = 'succeeded'";
        return Transaction.read(dataSource, "read the last sync of page " + pageId, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, pageId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return Optional.ofNullable(Rows.instant(rs, 1));
                }
            }
        });
    }

    @Override
    public Instant databaseNow() {
        // clock_timestamp, not now(): now() is the start of the transaction, and runs are stamped with it
        return Transaction.read(dataSource, "read the database clock", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT clock_timestamp()");
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                return Rows.instant(rs, 1);
            }
        });
    }

    static final String ABANDONED_RUN = "This sync never finished: its process was killed or crashed, or lost the "
            + "database. What it had written is kept; the next sync carried on from there.";

    @Override
    public long startRun(String pageId, SyncMode mode) {
        // Called under the page lock, so a run of this page still marked running belongs to a process that was
        // killed or crashed: close it with a reason instead of leaving it running forever.
        String sql = """
                WITH abandoned AS (
                  UPDATE sync_runs SET status = 'failed', finished_at = now(), error = ?
                   WHERE page_id = ? AND status = 'running')
                INSERT INTO sync_runs (page_id, mode) VALUES (?, ?) RETURNING id
                """;
        try {
            return Transaction.read(dataSource, "record the start of a sync of page " + pageId, c -> {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, ABANDONED_RUN);
                    s.setString(2, pageId);
                    s.setString(3, pageId);
                    s.setString(4, mode.wireName());
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }
            });
        } catch (StoreException e) {
            throw pageMissing(e, pageId);
        }
    }

    @Override
    public Map<String, Instant> newestStoredMessageTimes(String pageId, Collection<String> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Map.of();
        }
        // A top-1 index probe per conversation, instead of aggregating every message of long threads.
        String sql = """
                SELECT id, (SELECT max(m.created_time) FROM messenger_messages m
                             WHERE m.conversation_id = id AND m.page_id = ?)
                  FROM unnest(?::text[]) AS id
                """;
        return Transaction.read(dataSource, "read stored message times of page " + pageId, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, pageId);
                s.setArray(2, c.createArrayOf("text", conversationIds.toArray(new String[0])));
                Map<String, Instant> newest = new HashMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        Instant t = Rows.instant(rs, 2);
                        if (t != null) {
                            newest.put(rs.getString(1), t);
                        }
                    }
                }
                return newest;
            }
        });
    }

    @Override
    public BatchWrite writeBatch(String pageId, List<Conversation> conversations, List<Message> messages,
                                 List<HistoryMark> history) {
        if (conversations.isEmpty() && messages.isEmpty() && history.isEmpty()) {
            return BatchWrite.NONE;
        }
        try {
            return Transaction.run(dataSource, "save a batch of page " + pageId,
                    c -> BatchWriter.write(c, pageId, conversations, messages, history));
        } catch (StoreException e) {
            throw pageMissing(e, pageId);
        }
    }

    @Override
    public Map<String, StoredHistory> storedHistories(String pageId, Collection<String> conversationIds) {
        if (conversationIds.isEmpty()) {
            return Map.of();
        }
        // A top-1 index probe per conversation for its newest message, as in newestStoredMessageTimes.
        String sql = """
                SELECT c.conversation_id, c.history_state, c.history_withheld_reason, c.history_withheld_code,
                       (SELECT max(m.created_time) FROM messenger_messages m
                         WHERE m.conversation_id = c.conversation_id AND m.page_id = c.page_id)
                  FROM unnest(?::text[]) AS wanted(id)
                  JOIN messenger_conversations c ON c.conversation_id = wanted.id
                 WHERE c.page_id = ?
                """;
        return Transaction.read(dataSource, "read the stored histories of page " + pageId, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setArray(1, c.createArrayOf("text", conversationIds.toArray(new String[0])));
                s.setString(2, pageId);
                Map<String, StoredHistory> stored = new HashMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        stored.put(rs.getString(1), new StoredHistory(HistoryState.ofWireName(rs.getString(2)),
                                Rows.instant(rs, 5), rs.getString(3), rs.getInt(4)));
                    }
                }
                return stored;
            }
        });
    }

    @Override
    public List<PendingHistory> pendingHistories(String pageId) {
        String sql = """
                SELECT conversation_id, message_count FROM messenger_conversations
                 WHERE page_id = ? AND history_state = 'pending'
                 ORDER BY last_message_time DESC, conversation_id DESC
                """;
        return Transaction.read(dataSource, "read the pending histories of page " + pageId, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, pageId);
                List<PendingHistory> pending = new java.util.ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        pending.add(new PendingHistory(rs.getString(1), rs.getInt(2)));
                    }
                }
                return pending;
            }
        });
    }

    @Override
    public Coverage coverage(String pageId) {
        String sql = """
                SELECT count(*), count(*) FILTER (WHERE history_state = 'pending'),
                       count(*) FILTER (WHERE history_state = 'withheld'),
                       (SELECT count(*) FROM messenger_messages m
                         JOIN messenger_conversations c ON c.conversation_id = m.conversation_id
                        WHERE c.page_id = ?)
                  FROM messenger_conversations WHERE page_id = ?
                """;
        return Transaction.read(dataSource, "count the copy of page " + pageId, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, pageId);
                s.setString(2, pageId);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return new Coverage(rs.getLong(1), rs.getLong(4), rs.getLong(2), rs.getLong(3));
                }
            }
        });
    }

    @Override
    public int markMissing(String pageId, Collection<String> seenIds, Instant at) {
        // An anti-join on a hashed array, not "<> ALL(?)", which compares every row with every seen id.
        String sql = """
                UPDATE messenger_conversations c SET missing_since = ?
                 WHERE c.page_id = ? AND c.missing_since IS NULL
                   AND NOT EXISTS (SELECT 1 FROM unnest(?::text[]) AS seen(id) WHERE seen.id = c.conversation_id)
                """;
        return Transaction.read(dataSource, "mark deleted conversations of page " + pageId, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setTimestamp(1, Timestamp.from(at));
                s.setString(2, pageId);
                s.setArray(3, c.createArrayOf("text", seenIds.toArray(new String[0])));
                return s.executeUpdate();
            }
        });
    }

    @Override
    public int flagOddTimes(String pageId, Instant ceiling) {
        String sql = """
                UPDATE messenger_conversations SET odd_updated_time = (last_message_time > ?)
                 WHERE page_id = ? AND (odd_updated_time OR last_message_time > ?)
                   AND odd_updated_time IS DISTINCT FROM (last_message_time > ?)
                """;
        String count = "SELECT count(*) FROM messenger_conversations WHERE page_id = ? AND odd_updated_time";
        return Transaction.read(dataSource, "flag odd times of page " + pageId, c -> {
            Timestamp at = Timestamp.from(ceiling);
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setTimestamp(1, at);
                s.setString(2, pageId);
                s.setTimestamp(3, at);
                s.setTimestamp(4, at);
                s.executeUpdate();
            }
            try (PreparedStatement s = c.prepareStatement(count)) {
                s.setString(1, pageId);
                try (java.sql.ResultSet rs = s.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        });
    }

    @Override
    public void finishRun(long runId, String pageId, RunOutcome outcome) {
        Transaction.run(dataSource, "record the end of a sync of page " + pageId, c -> {
            Timestamp startedAt = closeRun(c, runId, pageId, outcome);
            if (outcome.newWatermark() != null) {
                advanceWatermark(c, pageId, outcome.newWatermark(), startedAt);
            }
            if (outcome.status() == RunOutcome.RunStatus.SUCCEEDED) {
                markTokenWorking(c, pageId);
            }
            return null;
        });
    }

    @Override
    public Set<Folder> foldersBehind(String pageId) {
        return Transaction.read(dataSource, "read the folders page " + pageId + " is behind in", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT folders_behind FROM facebook_pages WHERE facebook_page_id = ?")) {
                s.setString(1, pageId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Set.copyOf(Rows.folders(rs, 1)) : Set.<Folder>of();
                }
            }
        });
    }

    @Override
    public void setFoldersBehind(String pageId, Set<Folder> folders) {
        String[] names = folders.stream().map(Folder::wireName).sorted().toArray(String[]::new);
        Transaction.read(dataSource, "record the folders page " + pageId + " is behind in", c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE facebook_pages SET folders_behind = ?, updated_at = now() WHERE facebook_page_id = ?")) {
                s.setArray(1, c.createArrayOf("text", names));
                s.setString(2, pageId);
                return s.executeUpdate();
            }
        });
    }

    @Override
    public void markTokenInvalid(String pageId, String reason) {
        String sql = """
                UPDATE facebook_pages SET token_status = 'invalid', token_error = ?, updated_at = now()
                 WHERE facebook_page_id = ?
                """;
        Transaction.read(dataSource, "record the invalid token of page " + pageId, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, reason);
                s.setString(2, pageId);
                return s.executeUpdate();
            }
        });
    }

    /**
     * A pass that completed proves the token works again (a checkpoint was cleared, a permission granted back,
     * a 190 that Facebook took back): the Page must stop saying its token is invalid.
     */
    private static void markTokenWorking(Connection c, String pageId) throws SQLException {
        String sql = """
                UPDATE facebook_pages SET token_status = 'valid', token_error = NULL, updated_at = now()
                 WHERE facebook_page_id = ? AND token_status <> 'valid'
                """;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, pageId);
            s.executeUpdate();
        }
    }

    private static Timestamp closeRun(Connection c, long runId, String pageId, RunOutcome outcome)
            throws SQLException {
        String sql = """
                UPDATE sync_runs SET status = ?, finished_at = now(), conversations_inserted = ?,
                       conversations_updated = ?, conversations_unchanged = ?, messages_inserted = ?,
                       messages_updated = ?, api_calls = ?, new_watermark = ?, error = ?
                 WHERE id = ? AND page_id = ?
                RETURNING started_at
                """;
        BatchWrite counts = outcome.counts() == null ? BatchWrite.NONE : outcome.counts();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, outcome.status().wireName());
            s.setInt(2, counts.conversationsInserted());
            s.setInt(3, counts.conversationsUpdated());
            s.setInt(4, counts.conversationsUnchanged());
            s.setInt(5, counts.messagesInserted());
            s.setInt(6, counts.messagesUpdated());
            s.setInt(7, outcome.apiCalls());
            s.setTimestamp(8, outcome.newWatermark() == null ? null : Timestamp.from(outcome.newWatermark()));
            s.setString(9, outcome.error());
            s.setLong(10, runId);
            s.setString(11, pageId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("No sync run " + runId + " for page " + pageId);
                }
                return rs.getTimestamp(1);
            }
        }
    }

    /** A full sync requested after this run started wins: the run then leaves the watermark alone. */
    private static void advanceWatermark(Connection c, String pageId, Instant watermark, Timestamp runStartedAt)
            throws SQLException {
        String sql = """
                UPDATE facebook_pages SET last_synced_at = ?, full_sync_requested_at = NULL, updated_at = now()
                 WHERE facebook_page_id = ?
                   AND (full_sync_requested_at IS NULL OR full_sync_requested_at <= ?)
                """;
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setTimestamp(1, Timestamp.from(watermark));
            s.setString(2, pageId);
            s.setTimestamp(3, runStartedAt);
            s.executeUpdate();
        }
    }

    private static StoreException pageMissing(StoreException e, String pageId) {
        if (e.getCause() instanceof SQLException sql && "23503".equals(sql.getSQLState())) {
            return new StoreException("Page " + pageId + " is not in the database. Add the page first.", e);
        }
        return e;
    }
}
