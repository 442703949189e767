package app.inboxsync.store.write;

import app.inboxsync.media.KeptAttachment;
import app.inboxsync.media.MediaItem;
import app.inboxsync.media.MediaKind;
import app.inboxsync.media.MediaQueue;
import app.inboxsync.media.MediaStatus;
import app.inboxsync.media.MediaSummary;
import app.inboxsync.store.jdbc.Rows;
import app.inboxsync.store.jdbc.Transaction;
import app.inboxsync.store.server.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;

/** The {@link MediaQueue} in {@code message_media} (V7). */
public final class PostgresMediaQueue implements MediaQueue {

    /** Batches commit after they start; messages synced this long before the last listing are looked at again. */
    private static final Duration SLACK = Duration.ofMinutes(10);

    private static final String ENQUEUE = """
            INSERT INTO message_media (message_id, attachment_index, page_id, conversation_id, attachment_id, kind,
                                       mime_type, name, declared_size, source_url)
            SELECT m.message_id, (a.ord - 1)::integer, m.page_id, m.conversation_id, a.item->>'id',
                   CASE WHEN a.item->'video_data' IS NOT NULL THEN 'video'
                        WHEN a.item->'image_data'->>'render_as_sticker' = 'true' THEN 'sticker'
                        WHEN a.item->'image_data'->'animated_gif_url' IS NOT NULL OR a.item->>'mime_type' = 'image/gif' THEN 'gif'
                        WHEN a.item->'image_data' IS NOT NULL THEN 'image'
                        WHEN a.item->>'mime_type' LIKE 'audio/%' THEN 'audio'
                        ELSE 'file' END,
                   a.item->>'mime_type', a.item->>'name',
                   CASE WHEN a.item->>'size' ~ '^[0-9]{1,15}$' THEN (a.item->>'size')::bigint ELSE -1 END,
                   COALESCE(a.item->'video_data'->>'url', a.item->'image_data'->>'url', a.item->>'file_url')
              FROM messenger_messages m
             CROSS JOIN LATERAL jsonb_array_elements(
                   CASE WHEN jsonb_typeof(m.attachments->'attachments'->'data') = 'array'
                        THEN m.attachments->'attachments'->'data' ELSE '[]'::jsonb END) WITH ORDINALITY AS a(item, ord)
             WHERE m.attachments IS NOT NULL
               AND (CAST(? AS text) IS NULL OR m.page_id = ?)
               AND m.synced_at >= ?
               AND jsonb_typeof(a.item) = 'object'
            ON CONFLICT (message_id, attachment_index) DO NOTHING
            """;

    private static final String CLAIM = """
            UPDATE message_media SET next_attempt_at = ?
             WHERE (message_id, attachment_index) IN (
                   SELECT message_id, attachment_index FROM message_media
                    WHERE status = 'pending' AND (CAST(? AS text) IS NULL OR page_id = ?) AND next_attempt_at <= ?
                    ORDER BY next_attempt_at, message_id, attachment_index
                    LIMIT ? FOR UPDATE SKIP LOCKED)
            RETURNING message_id, attachment_index, page_id, kind, mime_type, name, declared_size, source_url, attempts
            """;

    private final DataSource dataSource;
    /** Per Page (or "" for all): when the last listing started. The first listing of a process looks at all. */
    private final Map<String, Instant> listedSince = new ConcurrentHashMap<>();

    public PostgresMediaQueue(Database database) {
        this(database.dataSource());
    }

    public PostgresMediaQueue(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public int enqueue(String pageId) {
        Instant started = Instant.now();
        Instant since = listedSince.getOrDefault(pageId == null ? "" : pageId, Instant.EPOCH);
        int added = Transaction.run(dataSource, "list the attachments to download", c -> {
            try (PreparedStatement s = c.prepareStatement(ENQUEUE)) {
                s.setString(1, pageId);
                s.setString(2, pageId);
                s.setTimestamp(3, Timestamp.from(since));
                return s.executeUpdate();
            }
        });
        listedSince.put(pageId == null ? "" : pageId, started.minus(SLACK));
        return added;
    }

    @Override
    public List<MediaItem> due(String pageId, Instant now, int limit) {
        return Transaction.run(dataSource, "pick the next attachments to download", c -> {
            try (PreparedStatement s = c.prepareStatement(CLAIM)) {
                s.setTimestamp(1, Timestamp.from(MediaQueue.leaseEnd(now)));
                s.setString(2, pageId);
                s.setString(3, pageId);
                s.setTimestamp(4, Timestamp.from(now));
                s.setInt(5, limit);
                List<MediaItem> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new MediaItem(rs.getString(1), rs.getInt(2), rs.getString(3),
                                MediaKind.fromDb(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getLong(7),
                                rs.getString(8), rs.getInt(9)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public Instant nextAttempt(String pageId) {
        String sql = "SELECT min(next_attempt_at) FROM message_media WHERE status = 'pending'"
                + " AND (CAST(? AS text) IS NULL OR page_id = ?)";
        return Transaction.read(dataSource, "read when the next download is due", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, pageId);
                s.setString(2, pageId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Rows.instant(rs, 1) : null;
                }
            }
        });
    }

    @Override
    public void renew(Collection<MediaItem> items, Instant held, Instant until) {
        if (items.isEmpty()) {
            return;
        }
        // compare-and-set: an item whose outcome was written meanwhile (stored, or a retry's own time) is left alone
        String sql = "UPDATE message_media SET next_attempt_at = ? WHERE message_id = ? AND attachment_index = ?"
                + " AND status = 'pending' AND next_attempt_at = ?";
        Transaction.run(dataSource, "renew the download leases", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (MediaItem item : items) {
                    s.setTimestamp(1, Timestamp.from(until));
                    s.setString(2, item.messageId());
                    s.setInt(3, item.index());
                    s.setTimestamp(4, Timestamp.from(held));
                    s.addBatch();
                }
                s.executeBatch();
                return null;
            }
        });
    }

    @Override
    public void stored(MediaItem item, String sha256, long size) {
        update(item, """
                UPDATE message_media SET status = 'stored', sha256 = ?, size = ?, error = NULL, stored_at = now(),
                       updated_at = now() WHERE message_id = ? AND attachment_index = ?
                """, sha256, size);
    }

    @Override
    public void ended(MediaItem item, MediaStatus status, String error) {
        if (status == MediaStatus.STORED || status == MediaStatus.PENDING) {
            throw new IllegalArgumentException("ended() records a final status other than stored, not " + status);
        }
        update(item, "UPDATE message_media SET status = ?, error = ?, updated_at = now()"
                + " WHERE message_id = ? AND attachment_index = ?", status.dbName(), error);
    }

    @Override
    public void later(MediaItem item, String error, Instant next, boolean countAttempt) {
        update(item, "UPDATE message_media SET error = ?, next_attempt_at = ?, attempts = attempts + ?,"
                + " updated_at = now() WHERE message_id = ? AND attachment_index = ?",
                error, Timestamp.from(next), countAttempt ? 1 : 0);
    }

    @Override
    public void relinked(MediaItem item, String url) {
        update(item, "UPDATE message_media SET source_url = ?, updated_at = now()"
                + " WHERE message_id = ? AND attachment_index = ?", url);
    }

    @Override
    public long storedBytes() {
        String sql = "SELECT COALESCE(sum(size), 0) FROM (SELECT DISTINCT sha256, size FROM message_media"
                + " WHERE status = 'stored') f";
        return Transaction.read(dataSource, "count the media stored", c -> {
            try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    @Override
    public List<MediaSummary> summary(String pageId) {
        String sql = """
                SELECT page_id, status, count(*),
                       (SELECT COALESCE(sum(size), 0) FROM (SELECT DISTINCT sha256, size FROM message_media d
                         WHERE d.page_id = m.page_id AND d.status = 'stored') f)
                  FROM message_media m WHERE (CAST(? AS text) IS NULL OR page_id = ?)
                 GROUP BY page_id, status ORDER BY page_id
                """;
        return Transaction.read(dataSource, "count the media per Page", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, pageId);
                s.setString(2, pageId);
                Map<String, Map<MediaStatus, Long>> counts = new LinkedHashMap<>();
                Map<String, Long> bytes = new LinkedHashMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        counts.computeIfAbsent(rs.getString(1), p -> new EnumMap<>(MediaStatus.class))
                                .put(MediaStatus.fromDb(rs.getString(2)), rs.getLong(3));
                        bytes.put(rs.getString(1), rs.getLong(4));
                    }
                }
                List<MediaSummary> out = new ArrayList<>();
                counts.forEach((p, m) -> out.add(new MediaSummary(p, m, bytes.get(p))));
                if (out.isEmpty() && pageId != null) {
                    out.add(new MediaSummary(pageId, Map.of(), 0));
                }
                return out;
            }
        });
    }

    @Override
    public List<KeptAttachment> attachmentsOf(Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return List.of();
        }
        String sql = "SELECT message_id, attachment_index, kind, status, mime_type, name, sha256, COALESCE(size, declared_size)"
                + " FROM message_media WHERE message_id = ANY (?) ORDER BY message_id, attachment_index";
        return Transaction.read(dataSource, "read the attachments of messages", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setArray(1, c.createArrayOf("text", messageIds.toArray()));
                List<KeptAttachment> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new KeptAttachment(rs.getString(1), rs.getInt(2),
                                MediaKind.fromDb(rs.getString(3)), MediaStatus.fromDb(rs.getString(4)), rs.getString(5),
                                rs.getString(6), rs.getString(7), rs.getLong(8)));
                    }
                }
                return out;
            }
        });
    }

    private void update(MediaItem item, String sql, Object... values) {
        Transaction.run(dataSource, "record a download", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                int i = 1;
                for (Object v : values) {
                    s.setObject(i++, v);
                }
                s.setString(i++, item.messageId());
                s.setInt(i, item.index());
                s.executeUpdate();
            }
            return null;
        });
    }
}
