package app.inboxsync.ui.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.inboxsync.read.MessageRow;
import java.time.Instant;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** The search words in a thread: found where a word starts, newest first, next / previous going round. */
class ThreadFindTest {
    private static MessageRow message(int i, String text) {
        return new MessageRow("m" + i, "t", "u", "Ann", false, text, Instant.parse("2025-03-01T10:00:00Z").plusSeconds(i), null, false);
    }

    @Test
    void wordsAreFoundWhereAWordStarts() {
        assertEquals(List.of("blue", "dre"), ThreadSearch.words("  Blue, dre "));
        List<int[]> ranges = ThreadSearch.ranges("The blue DRESS, not the address", List.of("blue", "dre"));
        assertEquals(2, ranges.size());
        assertEquals(4, ranges.get(0)[0]);
        assertEquals(9, ranges.get(1)[0]);
        assertEquals(12, ranges.get(1)[1]);
    }

    @Test
    void startsAtTheNewestAndMovesBothWays() {
        ObservableList<MessageRow> messages = FXCollections.observableArrayList(
                message(0, "a dress"), message(1, "nothing"), message(2, "dress and dress"));
        ThreadFind find = new ThreadFind(messages);
        find.wordsProperty().set("dress");
        assertEquals(3, find.hitsProperty().get().size());
        assertEquals(new ThreadSearch.Hit(2, 10, 15), find.currentProperty().get());
        assertEquals("3 of 3 matches", find.statusProperty().get());
        find.previous();
        assertEquals(new ThreadSearch.Hit(2, 0, 5), find.currentProperty().get());
        find.previous();
        assertEquals(new ThreadSearch.Hit(0, 2, 7), find.currentProperty().get());
        assertEquals("1 of 3 matches", find.statusProperty().get());
        find.previous(); // round to the newest
        assertEquals(new ThreadSearch.Hit(2, 10, 15), find.currentProperty().get());
        find.next(); // round to the oldest
        assertEquals(new ThreadSearch.Hit(0, 2, 7), find.currentProperty().get());

        // older messages put on top: the same word stays current, at its message's new place
        messages.addAll(0, List.of(message(-2, "old dress"), message(-1, "older")));
        assertEquals(new ThreadSearch.Hit(2, 2, 7), find.currentProperty().get());
        assertEquals("2 of 4 matches", find.statusProperty().get());

        find.wordsProperty().set("hat");
        assertNull(find.currentProperty().get());
        assertEquals("No match in the 5 messages shown", find.statusProperty().get());
        find.wordsProperty().set(" ");
        assertEquals("", find.statusProperty().get());
    }
}
