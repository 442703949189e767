package app.inboxsync.store.read;

import app.inboxsync.domain.SyncMode;
import app.inboxsync.read.RunHistory;
import app.inboxsync.read.SyncRunRow;
import app.inboxsync.store.jdbc.Rows;
import app.inboxsync.store.jdbc.Transaction;
import app.inboxsync.store.server.Database;
import app.inboxsync.sync.RunOutcome.RunStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/** The sync history, newest first. */
public final class SyncRunQueries implements RunHistory {
    private final DataSource dataSource;

    public SyncRunQueries(Database database) {
        this(database.dataSource());
    }

    public SyncRunQueries(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** The newest runs of one page, or of all pages when {@code pageId} is null. */
    @Override
    public List<SyncRunRow> recent(String pageId, int limit) {
        String sql = "SELECT * FROM sync_runs WHERE (?::text IS NULL OR page_id = ?) "
                + "ORDER BY started_at DESC, id DESC LIMIT ?";
        return Transaction.read(dataSource, "read the sync history", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, pageId);
                s.setString(2, pageId);
                s.setInt(3, limit);
                List<SyncRunRow> runs = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        runs.add(new SyncRunRow(rs.getLong("id"), rs.getString("page_id"),
                                SyncMode.valueOf(rs.getString("mode").toUpperCase(Locale.ROOT)),
                                RunStatus.parse(rs.getString("status")), Rows.instant(rs, "started_at"),
                                Rows.instant(rs, "finished_at"), rs.getInt("conversations_inserted"),
                                rs.getInt("conversations_updated"), rs.getInt("conversations_unchanged"),
                                rs.getInt("messages_inserted"), rs.getInt("messages_updated"),
                                rs.getInt("api_calls"), Rows.instant(rs, "new_watermark"), rs.getString("error")));
                    }
                }
                return runs;
            }
        });
    }

    /**
     * Each run's number among its own Page's runs (1 = the Page's first sync), by run id: run ids count across
     * every Page, so one Page's runs read "#1, #4, #9" where people expect "#1, #2, #3".
     */
    @Override
    public Map<Long, Integer> numbersPerPage(String pageId) {
        String sql = "SELECT id, row_number() OVER (PARTITION BY page_id ORDER BY started_at, id) AS n "
                + "FROM sync_runs WHERE (?::text IS NULL OR page_id = ?)";
        return Transaction.read(dataSource, "number the sync history", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, pageId);
                s.setString(2, pageId);
                Map<Long, Integer> numbers = new HashMap<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        numbers.put(rs.getLong("id"), rs.getInt("n"));
                    }
                }
                return numbers;
            }
        });
    }
}
