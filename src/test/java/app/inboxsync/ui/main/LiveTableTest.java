package app.inboxsync.ui.main;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.junit.jupiter.api.Test;

/** The live table changes the rows that moved, not every row on every refresh. No toolkit needed. */
class LiveTableTest {

    @Test
    void onlyTheRowThatChangedIsReplaced() {
        ObservableList<String> shown = FXCollections.observableArrayList("Bakery 1", "Florist 1", "Garage 1");
        List<String> changes = new ArrayList<>();
        shown.addListener((ListChangeListener<String>) c -> {
            while (c.next()) {
                changes.add(c.getFrom() + (c.wasReplaced() ? " replaced" : c.wasAdded() ? " added" : " removed"));
            }
        });

        LiveTable.update(shown, List.of("Bakery 1", "Florist 2", "Garage 1"));
        assertEquals(List.of("1 replaced"), changes);
        assertEquals(List.of("Bakery 1", "Florist 2", "Garage 1"), shown);

        changes.clear();
        LiveTable.update(shown, List.of("Bakery 1", "Florist 2", "Garage 1"));
        assertEquals(List.of(), changes, "nothing moved: nothing is redrawn");

        LiveTable.update(shown, List.of("Bakery 1", "Florist 2", "Garage 1", "Hotel 1"));
        LiveTable.update(shown, List.of("Bakery 1"));
        assertEquals(List.of("3 added", "1 removed"), changes);
        assertEquals(List.of("Bakery 1"), shown);
    }
}
