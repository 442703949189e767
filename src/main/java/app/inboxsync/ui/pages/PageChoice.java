package app.inboxsync.ui.pages;

import app.inboxsync.app.Plural;
import app.inboxsync.domain.PageListing;
import app.inboxsync.domain.PageProfile;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The import checklist of a user token's Pages: every Page it can sync, ticked, then the ones it cannot, with
 * why (never tickable). A filter (name or id) narrows the list; "all" and "none" tick what the filter shows.
 * Needs no window: the dialog binds to it, tests drive it.
 */
public final class PageChoice {
    private final ObservableList<Row> rows;
    private final FilteredList<Row> shown;
    private final StringProperty filter = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper words = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper importWords = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper noneChosen = new ReadOnlyBooleanWrapper();
    private final long syncable;

    public PageChoice(PageListing listing) {
        Comparator<Row> byName = Comparator.comparing(r -> r.page().name().toLowerCase(Locale.ROOT));
        List<Row> all = Stream.concat(
                listing.grants().stream().map(g -> new Row(g.page(), null)).sorted(byName),
                listing.unusable().stream().map(u -> new Row(u.page(), u.reason())).sorted(byName)).toList();
        this.syncable = all.stream().filter(Row::syncable).count();
        this.rows = FXCollections.observableArrayList(r -> new Observable[] {r.chosen});
        rows.setAll(all);
        this.shown = new FilteredList<>(rows);
        filter.addListener((o, was, now) -> {
            String w = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
            shown.setPredicate(w.isEmpty() ? null
                    : r -> r.page().name().toLowerCase(Locale.ROOT).contains(w) || r.page().id().contains(w));
        });
        rows.addListener((javafx.collections.ListChangeListener<Row>) c -> count());
        count();
    }

    /** The rows the filter lets through: syncable ones first, then the unusable ones. */
    public ObservableList<Row> shown() {
        return shown;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    /** Ticks every syncable Page the filter shows. */
    public void selectAll() {
        shown.stream().filter(Row::syncable).forEach(r -> r.chosen.set(true));
    }

    /** Unticks every Page the filter shows. */
    public void selectNone() {
        shown.forEach(r -> r.chosen.set(false));
    }

    /** The ids of the Pages ticked, shown or not. */
    public Set<String> chosenIds() {
        return rows.stream().filter(r -> r.chosen.get()).map(r -> r.page().id()).collect(Collectors.toSet());
    }

    /** "12 of 200 Pages chosen · 3 can't be synced with this token". */
    public ReadOnlyStringProperty wordsProperty() {
        return words.getReadOnlyProperty();
    }

    /** The OK button's words: "Import 12 Pages". */
    public ReadOnlyStringProperty importWordsProperty() {
        return importWords.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty noneChosenProperty() {
        return noneChosen.getReadOnlyProperty();
    }

    private void count() {
        long chosen = rows.stream().filter(r -> r.chosen.get()).count();
        long unusable = rows.size() - syncable;
        words.set(chosen + " of " + Plural.of(syncable, "Page") + " chosen"
                + (unusable == 0 ? "" : " · " + unusable + " can't be synced with this token"));
        importWords.set("Import " + Plural.of(chosen, "Page"));
        noneChosen.set(chosen == 0);
    }

    /** A Page of the listing; {@code reason} is why it cannot be synced, null when it can. */
    public static final class Row {
        private final PageProfile page;
        private final String reason;
        private final BooleanProperty chosen;

        Row(PageProfile page, String reason) {
            this.page = page;
            this.reason = reason;
            this.chosen = new SimpleBooleanProperty(reason == null);
        }

        public PageProfile page() {
            return page;
        }

        public boolean syncable() {
            return reason == null;
        }

        /** Why it cannot be synced; null when it can. */
        public String reason() {
            return reason;
        }

        /** Ticked; an unusable Page can never be. */
        public BooleanProperty chosenProperty() {
            return chosen;
        }
    }
}
