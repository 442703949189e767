package app.inboxsync.ui.pages;

import app.inboxsync.read.PageSummary;
import app.inboxsync.ui.sync.PageProgress;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The sidebar's Pages, merged from the database and from live syncs; keeps the selection across reloads. */
public final class PagesViewModel {
    /** Reports a change of any item's status, so the sidebar's cells redraw when a status line changes. */
    private final ObservableList<PageItem> pages = FXCollections.observableArrayList(item -> new Observable[] {item.statusProperty()});
    private final ObjectProperty<PageItem> selected = new SimpleObjectProperty<>();

    public ObservableList<PageItem> pages() {
        return pages;
    }

    public ObjectProperty<PageItem> selectedProperty() {
        return selected;
    }

    public Optional<PageItem> selected() {
        return Optional.ofNullable(selected.get());
    }

    public Optional<PageItem> find(String pageId) {
        return pages.stream().filter(p -> p.pageId().equals(pageId)).findFirst();
    }

    /** Replaces the list with what the database holds now, reusing items (and so the selection) by Page id. */
    public void load(List<PageSummary> stored, Instant now) {
        Map<String, PageItem> byId = pages.stream().collect(Collectors.toMap(PageItem::pageId, Function.identity()));
        List<PageItem> next = stored.stream().map(s -> {
            PageItem item = byId.get(s.pageId());
            if (item == null) {
                item = new PageItem(s);
            } else {
                item.setSummary(s);
            }
            item.refreshStatus(now);
            return item;
        }).toList();
        if (!next.equals(pages)) {
            String keep = selected.get() == null ? null : selected.get().pageId();
            pages.setAll(next);
            selected.set(next.stream().filter(p -> Objects.equals(p.pageId(), keep)).findFirst()
                    .orElse(next.isEmpty() ? null : next.get(0)));
        }
    }

    /** Applies live sync state; Pages without an entry keep their last one (shown until the next reload). */
    public void apply(Map<String, PageProgress> live, Instant now) {
        for (PageItem item : pages) {
            PageProgress p = live.get(item.pageId());
            if (p != null && !p.equals(item.live())) {
                item.liveProperty().set(p);
            }
            item.refreshStatus(now);
        }
    }
}
