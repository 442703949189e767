package app.inboxsync.store.read;

import static app.inboxsync.store.Fixtures.conversation;
import static org.junit.jupiter.api.Assertions.assertEquals;

import app.inboxsync.domain.Message;
import app.inboxsync.read.WeeklyActivity;
import app.inboxsync.store.Fixtures;
import app.inboxsync.store.TestDatabase;
import app.inboxsync.store.server.Database;
import app.inboxsync.store.write.PostgresInboxStore;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ActivityQueriesTest {
    private static final String PAGE = "p-act";
    private static final String OTHER = "p-act-other";
    private static Database db;
    private static ActivityQueries activity;

    @BeforeAll
    static void open() {
        db = TestDatabase.fresh();
        activity = new ActivityQueries(db);
        Fixtures.addPage(db, PAGE);
        Fixtures.addPage(db, OTHER);
        PostgresInboxStore store = new PostgresInboxStore(db);
        store.writeBatch(PAGE, List.of(conversation(PAGE, "t_a", "anna", 1, "hi")), List.of(
                // Monday 2024-11-11 23:30 UTC = Tuesday 00:30 in Berlin (UTC+1 in winter)
                customer(PAGE, "m_1", "2024-11-11T23:30:00Z"),
                customer(PAGE, "m_2", "2024-11-11T23:59:59Z"),
                // Saturday 2024-06-15 10:00 UTC = 12:00 in Berlin (UTC+2 in summer)
                customer(PAGE, "m_3", "2024-06-15T10:00:00Z"),
                // the Page's own reply is not a customer message
                new Message("m_4", "t_a", PAGE, PAGE, "The Page", true, "answer", Instant.parse("2024-11-11T23:40:00Z"),
                        null, false)));
        store.writeBatch(OTHER, List.of(conversation(OTHER, "t_b", "bob", 1, "yo")),
                List.of(customer(OTHER, "m_5", "2024-11-11T23:10:00Z")));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static Message customer(String page, String id, String at) {
        String conversation = page.equals(PAGE) ? "t_a" : "t_b";
        return new Message(id, conversation, page, "u1", "Customer", false, "text", Instant.parse(at), null, false);
    }

    @Test
    void countsCustomerMessagesByLocalWeekdayAndHourAcrossDaylightSaving() {
        WeeklyActivity berlin = activity.customerMessagesByWeekdayHour(PAGE, ZoneId.of("Europe/Berlin"));
        assertEquals(2, berlin.count(DayOfWeek.TUESDAY, 0));
        assertEquals(1, berlin.count(DayOfWeek.SATURDAY, 12));
        assertEquals(0, berlin.count(DayOfWeek.MONDAY, 23), "the Page's own message is left out");
        assertEquals(3, berlin.total());
        assertEquals(2, berlin.max());
    }

    @Test
    void theSameMessagesInUtcAndInAFixedOffset() {
        WeeklyActivity utc = activity.customerMessagesByWeekdayHour(PAGE, ZoneOffset.UTC);
        assertEquals(2, utc.count(DayOfWeek.MONDAY, 23));
        assertEquals(1, utc.count(DayOfWeek.SATURDAY, 10));
        WeeklyActivity newYorkWinter = activity.customerMessagesByWeekdayHour(PAGE, ZoneOffset.ofHours(-5));
        assertEquals(2, newYorkWinter.count(DayOfWeek.MONDAY, 18), "a negative offset is west of UTC");
        assertEquals(1, newYorkWinter.count(DayOfWeek.SATURDAY, 5));
        WeeklyActivity kolkata = activity.customerMessagesByWeekdayHour(PAGE, ZoneOffset.ofHoursMinutes(5, 30));
        assertEquals(2, kolkata.count(DayOfWeek.TUESDAY, 5), "23:30 and 23:59:59 + 5:30 = 05:00 and 05:29:59");
    }

    @Test
    void everyPageWhenNoneIsNamed() {
        WeeklyActivity all = activity.customerMessagesByWeekdayHour(null, ZoneOffset.UTC);
        assertEquals(4, all.total());
        assertEquals(3, all.count(DayOfWeek.MONDAY, 23));
        assertEquals(0, activity.customerMessagesByWeekdayHour("p-none", ZoneOffset.UTC).total());
    }
}
