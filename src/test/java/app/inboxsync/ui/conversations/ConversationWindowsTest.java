package app.inboxsync.ui.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.inboxsync.domain.Folder;
import app.inboxsync.read.ConversationRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

class ConversationWindowsTest {
    private final List<int[]> asked = new ArrayList<>();
    private final List<Consumer<List<ConversationRow>>> answers = new ArrayList<>();

    private ConversationWindows windows(int size) {
        return new ConversationWindows(size, rows(0, Math.min(size, ConversationWindows.WINDOW)), (offset, limit, done) -> {
            asked.add(new int[] {offset, limit});
            answers.add(done);
        });
    }

    @Test
    void theFirstWindowIsThereAtOnceAndOthersFillInWhenTheyArrive() {
        ConversationWindows w = windows(1000);
        assertEquals(1000, w.size());
        assertEquals("t_199", w.get(199).row().conversationId());
        assertEquals(List.of(), asked, "nothing asked for the first window");

        ConversationItem item = w.get(450);
        assertNull(item.row(), "loading");
        w.get(401);
        w.get(599);
        assertEquals(1, asked.size(), "one request per window, however many rows of it are asked for");
        assertEquals(400, asked.get(0)[0]);
        assertEquals(ConversationWindows.WINDOW, asked.get(0)[1]);
        answers.get(0).accept(rows(400, 200));
        assertEquals("t_450", item.row().conversationId(), "the same item fills in: the table needs no refresh");
        assertSame(item, w.get(450));
        assertThrows(IndexOutOfBoundsException.class, () -> w.get(1000));
    }

    @Test
    void onlyTheWindowsAskedForLatelyAreKept() {
        ConversationWindows w = windows(100_000);
        for (int i = 0; i < 100; i++) {
            w.get(i * ConversationWindows.WINDOW);
        }
        assertEquals(ConversationWindows.KEPT_WINDOWS, w.keptWindows(), "100,000 rows, a few thousand in memory");
        int before = asked.size();
        w.get(0);
        assertEquals(before + 1, asked.size(), "a dropped window is asked for again");
    }

    @Test
    void findingAnItemNeverReadsTheWholeList() {
        ConversationWindows old = windows(100_000);
        ConversationItem selected = old.get(5);
        ConversationWindows fresh = windows(100_000);
        assertEquals(-1, fresh.indexOf(selected), "the table looks for the old selection in the new list");
        assertEquals(List.of(), asked, "without asking the database for any window");
        assertEquals(5, old.indexOf(selected));
        assertEquals(true, old.contains(selected));
        assertEquals(-1, old.indexOf("t_5"));
    }

    @Test
    void aFailedWindowIsAskedForAgainAndLoadedSkipsRowsStillLoading() {
        ConversationWindows w = windows(500);
        ConversationItem loading = w.get(300);
        w.failed(200);
        w.get(300);
        assertEquals(2, asked.size());
        assertEquals(List.of("t_3"), w.loaded(List.of(w.get(3), loading)).stream().map(ConversationRow::conversationId).toList());
        assertEquals(0, new ConversationWindows(0, List.of(), (o, l, d) -> { }).size());
    }

    static List<ConversationRow> rows(int from, int count) {
        List<ConversationRow> rows = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            rows.add(new ConversationRow("t_" + i, "p", "u" + i, "Name " + i, "hi", Instant.EPOCH, 1, 0, Folder.INBOX, List.of(),
                    null, null, null));
        }
        return rows;
    }
}
