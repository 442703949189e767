package app.inboxsync.read;

import java.time.ZoneId;

/** When customers write: the History tab's heat map. */
public interface CustomerActivity {

    /** Customer messages of one Page (every Page when {@code pageId} is null) by weekday and hour in {@code zone}. */
    WeeklyActivity customerMessagesByWeekdayHour(String pageId, ZoneId zone);
}
