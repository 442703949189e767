package app.inboxsync.store.read;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.read.PageDirectory;
import app.inboxsync.read.PageSummary;
import app.inboxsync.read.TokenStatus;
import app.inboxsync.store.StoreException;
import app.inboxsync.store.jdbc.Rows;
import app.inboxsync.store.jdbc.Transaction;
import app.inboxsync.store.server.Database;
import app.inboxsync.sync.RunOutcome.RunStatus;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/** The stored Pages, for the CLI and the UI. */
public final class PageRepository implements PageDirectory {
    private static final String SUMMARY = """
            SELECT p.facebook_page_id, p.name, p.category, p.last_synced_at, p.folders, p.token_status,
                   p.token_error, conv.conversations, conv.reported, conv.missing, conv.uncounted, conv.pending,
                   conv.withheld,
                   (SELECT count(*) FROM messenger_messages m
                     JOIN messenger_conversations c ON c.conversation_id = m.conversation_id
                    WHERE c.page_id = p.facebook_page_id) AS messages,
                   run.status AS run_status, run.finished_at AS run_finished_at, run.error AS run_error
              FROM facebook_pages p
              CROSS JOIN LATERAL (
                   SELECT count(*) AS conversations,
                          coalesce(sum(coalesce(message_count, (SELECT count(*) FROM messenger_messages sm
                                                                 WHERE sm.conversation_id = c.conversation_id))), 0)
                              AS reported,
                          count(*) FILTER (WHERE missing_since IS NOT NULL) AS missing,
                          count(*) FILTER (WHERE message_count IS NULL) AS uncounted,
                          count(*) FILTER (WHERE history_state = 'pending') AS pending,
                          count(*) FILTER (WHERE history_state = 'withheld') AS withheld
                     FROM messenger_conversations c WHERE c.page_id = p.facebook_page_id) conv
              LEFT JOIN LATERAL (
                   SELECT status, finished_at, error FROM sync_runs r
                    WHERE r.page_id = p.facebook_page_id ORDER BY r.started_at DESC, r.id DESC LIMIT 1) run ON true
            """;

    private final DataSource dataSource;

    public PageRepository(Database database) {
        this(database.dataSource());
    }

    public PageRepository(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** Adds the page, or refreshes its name and category; either way its token counts as valid again. */
    @Override
    public void savePage(PageProfile page) {
        String sql = """
                INSERT INTO facebook_pages (facebook_page_id, name, category) VALUES (?, ?, ?)
                ON CONFLICT (facebook_page_id) DO UPDATE SET name = EXCLUDED.name, category = EXCLUDED.category,
                       token_status = 'valid', token_error = NULL, updated_at = now()
                """;
        update("save page " + page.id(), sql, page.id(), page.name(), page.category());
    }

    @Override
    public List<PageSummary> listPages() {
        return Transaction.read(dataSource, "list the pages", c -> {
            try (PreparedStatement s = c.prepareStatement(SUMMARY + " ORDER BY lower(p.name), p.facebook_page_id");
                 ResultSet rs = s.executeQuery()) {
                List<PageSummary> pages = new ArrayList<>();
                while (rs.next()) {
                    pages.add(summary(rs));
                }
                return pages;
            }
        });
    }

    @Override
    public Optional<PageSummary> findPage(String pageId) {
        return Transaction.read(dataSource, "read page " + pageId, c -> {
            try (PreparedStatement s = c.prepareStatement(SUMMARY + " WHERE p.facebook_page_id = ?")) {
                s.setString(1, pageId);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? Optional.of(summary(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Deletes the page with its conversations, messages and sync runs. False when there was no such page. */
    @Override
    public boolean removePage(String pageId) {
        return update("remove page " + pageId, "DELETE FROM facebook_pages WHERE facebook_page_id = ?", pageId) > 0;
    }

    /** Forgets the watermark, so the next sync is a full pass, even if a sync is running right now. */
    @Override
    public boolean requestFullSync(String pageId) {
        String sql = """
                UPDATE facebook_pages SET last_synced_at = NULL, full_sync_requested_at = now(), updated_at = now()
                 WHERE facebook_page_id = ?
                """;
        return update("reset the sync of page " + pageId, sql, pageId) > 0;
    }

    @Override
    public void setFolders(String pageId, List<Folder> folders) {
        if (folders.isEmpty()) {
            throw new IllegalArgumentException("A page syncs at least one folder.");
        }
        String[] names = folders.stream().distinct().map(Folder::wireName).toArray(String[]::new);
        Transaction.read(dataSource, "set the folders of page " + pageId, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "UPDATE facebook_pages SET folders = ?, updated_at = now() WHERE facebook_page_id = ?")) {
                s.setArray(1, c.createArrayOf("text", names));
                s.setString(2, pageId);
                if (s.executeUpdate() == 0) {
                    throw new StoreException("Page " + pageId + " is not in the database. Add the page first.");
                }
                return null;
            }
        });
    }

    private int update(String what, String sql, String... params) {
        return Transaction.read(dataSource, what, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    s.setString(i + 1, params[i]);
                }
                return s.executeUpdate();
            }
        });
    }

    private static PageSummary summary(ResultSet rs) throws SQLException {
        return new PageSummary(
                rs.getString("facebook_page_id"), rs.getString("name"), rs.getString("category"),
                Rows.instant(rs, "last_synced_at"), Rows.folders(rs, "folders"),
                TokenStatus.parse(rs.getString("token_status")), rs.getString("token_error"),
                rs.getLong("conversations"), rs.getLong("messages"), rs.getLong("reported"),
                rs.getString("run_status") == null ? null : RunStatus.parse(rs.getString("run_status")), Rows.instant(rs, "run_finished_at"), rs.getString("run_error"),
                rs.getLong("missing"), rs.getLong("uncounted"), rs.getLong("pending"), rs.getLong("withheld"));
    }
}
