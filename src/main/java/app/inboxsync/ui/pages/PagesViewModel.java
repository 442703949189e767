package app.inboxsync.ui.pages;

import app.inboxsync.read.PageSummary;
import app.inboxsync.ui.sync.PageProgress;
import app.inboxsync.app.Plural;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;

/**
 * The sidebar's Pages, merged from the database and from live syncs; keeps the selection across reloads. With
 * hundreds of Pages the sidebar shows them {@link #shown() filtered} by name or id and sorted by a
 * {@link PageOrder}, under a count of the Pages by state ("200 Pages · 3 failed · 12 never synced"); the rest of
 * the window (Sync all, the tabs) works on {@link #pages() all of them}.
 */
public final class PagesViewModel {
    /**
     * No extractor: an update event per Page and status made the sorted list re-place each row one by one (with
     * 200 Pages syncing, the FX thread stalled for seconds). Cells watch their own Page's status; the order is
     * redone once per {@link #load}/{@link #apply} when a status moved ({@link #resort()}).
     */
    private final ObservableList<PageItem> pages = FXCollections.observableArrayList();
    private final FilteredList<PageItem> filtered = new FilteredList<>(pages);
    private final SortedList<PageItem> shown = new SortedList<>(filtered, PageOrder.NAME.comparator());
    private final ObjectProperty<PageItem> selected = new SimpleObjectProperty<>();
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<PageOrder> order = new SimpleObjectProperty<>(PageOrder.NAME);
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper emptyWords = new ReadOnlyStringWrapper("");
    /** Every Page by id: the Overview's 200 rows look their names up here (a walk of the list each was quadratic). */
    private Map<String, PageItem> byId = Map.of();
    /** When {@link #apply} last recomputed every Page's words (not only those whose sync moved). */
    private Instant lastAllStatuses;
    /** The order {@link #shown} was last sorted by. */
    private PageOrder sortedBy = PageOrder.NAME;

    public PagesViewModel() {
        filter.addListener((o, was, now) -> {
            String words = now == null ? "" : now.strip().toLowerCase(Locale.ROOT);
            filtered.setPredicate(words.isEmpty() ? null : p -> matches(p, words));
            showCounts();
        });
        order.addListener((o, was, now) -> resort());
        pages.addListener((javafx.collections.ListChangeListener<PageItem>) change ->
                byId = pages.stream().collect(Collectors.toMap(PageItem::pageId, Function.identity(), (a, b) -> a)));
    }

    /** Every Page, in the database's order. */
    public ObservableList<PageItem> pages() {
        return pages;
    }

    /** The Pages the sidebar lists: those matching the filter, in the chosen order. */
    public ObservableList<PageItem> shown() {
        return shown;
    }

    /** Words of the name or the id, any case; blank shows every Page. */
    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<PageOrder> orderProperty() {
        return order;
    }

    /** "200 Pages · 3 failed · 12 never synced", counted over every Page (the filter hides none from it). */
    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }

    /** What the list says when it shows nothing: no Page yet, or none matching the filter. */
    public ReadOnlyStringProperty emptyWordsProperty() {
        return emptyWords.getReadOnlyProperty();
    }

    /**
     * Sorts again when the order moved: a new comparator object is what makes the sorted list look again (one
     * permutation, after which the list redraws every row it shows), so it is given only when a Page is out of place.
     */
    private void resort() {
        PageOrder by = order.get() == null ? PageOrder.NAME : order.get();
        java.util.Comparator<PageItem> comparator = by.comparator();
        if (by == sortedBy && inOrder(comparator)) {
            return;
        }
        sortedBy = by;
        shown.setComparator(comparator::compare);
    }

    private boolean inOrder(java.util.Comparator<PageItem> by) {
        for (int i = 1; i < shown.size(); i++) {
            if (by.compare(shown.get(i - 1), shown.get(i)) > 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(PageItem p, String words) {
        return p.name().toLowerCase(Locale.ROOT).contains(words) || p.pageId().contains(words);
    }

    private void showCounts() {
        Map<PageStatus.State, Long> byState = new EnumMap<>(PageStatus.State.class);
        for (PageItem p : pages) {
            if (p.status() != null) {
                byState.merge(p.status().state(), 1L, Long::sum);
            }
        }
        StringBuilder b = new StringBuilder(Plural.of(pages.size(), "Page"));
        for (PageStatus.State state : List.of(PageStatus.State.SYNCING, PageStatus.State.QUEUED, PageStatus.State.FAILED,
                PageStatus.State.TOKEN_INVALID, PageStatus.State.NEVER_SYNCED)) {
            long n = byState.getOrDefault(state, 0L);
            if (n > 0) {
                b.append(" · ").append(n).append(' ').append(words(state));
            }
        }
        if (filtered.getPredicate() != null) {
            b.append(" · ").append(filtered.size()).append(" shown");
        }
        counts.set(pages.isEmpty() ? "" : b.toString());
        emptyWords.set(pages.isEmpty() ? "No Page yet." : "No Page matches \u201c" + filter.get().strip() + "\u201d.");
    }

    private static String words(PageStatus.State state) {
        return switch (state) {
            case SYNCING -> "syncing";
            case QUEUED -> "waiting";
            case FAILED -> "failed";
            case TOKEN_INVALID -> "to reconnect";
            case NEVER_SYNCED -> "never synced";
            case IDLE -> "synced";
            case CANCELLED -> "cancelled";
        };
    }

    public ObjectProperty<PageItem> selectedProperty() {
        return selected;
    }

    public Optional<PageItem> selected() {
        return Optional.ofNullable(selected.get());
    }

    public Optional<PageItem> find(String pageId) {
        return Optional.ofNullable(byId.get(pageId));
    }

    /** Replaces the list with what the database holds now, reusing items (and so the selection) by Page id. */
    public void load(List<PageSummary> stored, Instant now) {
        List<PageItem> next = stored.stream().map(s -> {
            PageItem item = byId.get(s.pageId());
            if (item == null) {
                item = new PageItem(s);
            } else {
                item.setSummary(s);
            }
            return item;
        }).toList();
        boolean moved = false;
        for (PageItem item : next) {
            moved |= item.refreshStatus(now);
        }
        if (!next.equals(pages)) {
            String keep = selected.get() == null ? null : selected.get().pageId();
            pages.setAll(next);
            selected.set(next.stream().filter(p -> Objects.equals(p.pageId(), keep)).findFirst()
                    .orElse(next.isEmpty() ? null : next.get(0)));
        } else if (moved) {
            resort();
        }
        showCounts();
    }

    /** Applies live sync state; Pages without an entry keep their last one (shown until the next reload). */
    public void apply(Map<String, PageProgress> live, Instant now) {
        boolean moved = false;
        // a Page whose sync did not move changes its words only as time passes ("a minute ago"): once a second
        boolean allAgain = lastAllStatuses == null || !now.isBefore(lastAllStatuses.plusSeconds(1));
        if (allAgain) {
            lastAllStatuses = now;
        }
        for (PageItem item : pages) {
            PageProgress p = live.get(item.pageId());
            boolean changed = p != null && !p.equals(item.live());
            if (changed) {
                item.liveProperty().set(p);
            }
            if (changed || allAgain) {
                moved |= item.refreshStatus(now);
            }
        }
        if (moved && order.get() != PageOrder.NAME) {
            resort();
        }
        showCounts();
    }
}
