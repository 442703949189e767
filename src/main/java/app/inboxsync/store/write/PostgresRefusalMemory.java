package app.inboxsync.store.write;

import app.inboxsync.store.jdbc.Rows;
import app.inboxsync.store.jdbc.Transaction;
import app.inboxsync.store.server.Database;
import app.inboxsync.sync.RefusalMemory;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;

/** The Graph client's {@link RefusalMemory} in {@code graph_refusals}. */
public final class PostgresRefusalMemory implements RefusalMemory {
    private final DataSource dataSource;

    public PostgresRefusalMemory(Database database) {
        this(database.dataSource());
    }

    public PostgresRefusalMemory(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    @Override
    public List<Refusal> recall(String graphVersion, Instant since) {
        String sql = """
                SELECT edge, name, page_id, refused_at FROM graph_refusals
                 WHERE graph_version = ? AND refused_at >= ?
                """;
        return Transaction.read(dataSource, "read what Facebook refused to serve", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, graphVersion);
                s.setTimestamp(2, Timestamp.from(since));
                List<Refusal> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        out.add(new Refusal(graphVersion, rs.getString(1), rs.getString(2), rs.getString(3),
                                Rows.instant(rs, 4)));
                    }
                }
                return out;
            }
        });
    }

    @Override
    public void remember(Refusal r) {
        String sql = """
                INSERT INTO graph_refusals (graph_version, edge, name, page_id, refused_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (graph_version, edge, name, page_id) DO UPDATE SET refused_at = EXCLUDED.refused_at
                """;
        Transaction.run(dataSource, "record what Facebook refused to serve", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, r.graphVersion());
                s.setString(2, r.edge());
                s.setString(3, r.name());
                s.setString(4, r.pageId());
                s.setTimestamp(5, Timestamp.from(r.at()));
                s.executeUpdate();
            }
            return null;
        });
    }
}
