package app.inboxsync.store.read;

import app.inboxsync.read.CustomerActivity;
import app.inboxsync.read.WeeklyActivity;
import app.inboxsync.store.jdbc.Transaction;
import app.inboxsync.store.server.Database;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import javax.sql.DataSource;

/** When customers write: their messages counted by weekday × hour, grouped in the database. */
public final class ActivityQueries implements CustomerActivity {
    private final DataSource dataSource;

    public ActivityQueries(Database database) {
        this.dataSource = Objects.requireNonNull(database, "database").dataSource();
    }

    /**
     * Customer messages ({@code is_from_page = false}) of one Page, or of every Page when {@code pageId} is null,
     * by weekday and hour in {@code zone} (each message with the offset in force at its own time, so a week
     * that crosses a daylight-saving change still lands in the right hours).
     */
    @Override
    public WeeklyActivity customerMessagesByWeekdayHour(String pageId, ZoneId zone) {
        // A fixed offset goes in as an interval: PostgreSQL reads a text offset like '+02:00' POSIX-style
        // (west positive), the opposite of Java; region names ('Europe/Berlin') mean the same to both.
        boolean fixedOffset = zone.normalized() instanceof ZoneOffset;
        String sql = "SELECT extract(isodow FROM t)::int AS weekday, extract(hour FROM t)::int AS hour, count(*) AS n "
                + "FROM (SELECT (created_time AT TIME ZONE "
                + (fixedOffset ? "make_interval(secs => ?::int)" : "?::text") + ") AS t FROM messenger_messages "
                + "      WHERE NOT is_from_page AND (?::text IS NULL OR page_id = ?)) m "
                + "GROUP BY 1, 2";
        return Transaction.read(dataSource, "count the customer messages by weekday and hour", c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                if (zone.normalized() instanceof ZoneOffset offset) {
                    s.setInt(1, offset.getTotalSeconds());
                } else {
                    s.setString(1, zone.getId());
                }
                s.setString(2, pageId);
                s.setString(3, pageId);
                long[][] counts = new long[7][24];
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        counts[rs.getInt("weekday") - 1][rs.getInt("hour")] = rs.getLong("n");
                    }
                }
                return new WeeklyActivity(counts);
            }
        });
    }
}
