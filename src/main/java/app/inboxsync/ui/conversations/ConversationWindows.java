package app.inboxsync.ui.conversations;

import app.inboxsync.read.ConversationRow;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javafx.collections.ObservableListBase;

/**
 * The browser's rows as a list of fixed size (the filter's count) that holds only the windows of rows asked
 * for lately. Asking for a row that is not here returns an empty {@link ConversationItem} at once and asks the
 * {@link WindowSource} for its window; the item fills in when the window arrives, so the table never waits
 * and never holds 100,000 rows. The list never changes size or order: a new filter or sort makes a new list.
 */
public final class ConversationWindows extends ObservableListBase<ConversationItem> {
    public static final int WINDOW = 200;
    /** Windows kept: enough for several screens around the visible rows; older ones are dropped and reloaded. */
    static final int KEPT_WINDOWS = 20;

    /** Loads {@code limit} rows from {@code offset}; calls {@code done} with them (on the FX thread) or not at all. */
    @FunctionalInterface
    public interface WindowSource {
        void load(int offset, int limit, Consumer<List<ConversationRow>> done);
    }

    private final int size;
    private final WindowSource source;
    private final Set<Integer> loading = new HashSet<>();
    private final Map<Integer, ConversationItem[]> windows = new LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Integer, ConversationItem[]> eldest) {
            return size() > KEPT_WINDOWS;
        }
    };

    /** @param first the first window, already loaded with the count (so the table shows rows at once) */
    public ConversationWindows(int size, List<ConversationRow> first, WindowSource source) {
        this.size = size;
        this.source = source;
        if (size > 0) {
            arrived(0, first);
        }
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public ConversationItem get(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException(index + " of " + size);
        }
        int w = index / WINDOW;
        ConversationItem[] items = windows.get(w);
        if (items == null) {
            items = emptyWindow(w);
            windows.put(w, items);
            request(w);
        }
        return items[index - w * WINDOW];
    }

    /**
     * Where an item is, looking only at the windows kept: the table asks this of a new list for the item
     * selected in the old one, and the list's default (calling {@link #get} for every index) would load all
     * 500 windows of 100,000 rows. An item of another list is not here.
     */
    @Override
    public int indexOf(Object o) {
        if (o instanceof ConversationItem item && item.index() < size) {
            ConversationItem[] items = windows.get(item.index() / WINDOW);
            if (items != null && items[item.index() % WINDOW] == item) {
                return item.index();
            }
        }
        return -1;
    }

    @Override
    public int lastIndexOf(Object o) {
        return indexOf(o);
    }

    @Override
    public boolean contains(Object o) {
        return indexOf(o) >= 0;
    }

    // Lists compare by content, which means reading every row; two browser lists are equal only if the same.
    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }

    /** The rows already here (a selection's conversations); rows still loading are left out. */
    public List<ConversationRow> loaded(List<ConversationItem> items) {
        return items.stream().map(ConversationItem::row).filter(java.util.Objects::nonNull).toList();
    }

    int keptWindows() {
        return windows.size();
    }

    private ConversationItem[] emptyWindow(int w) {
        ConversationItem[] items = new ConversationItem[Math.min(WINDOW, size - w * WINDOW)];
        for (int i = 0; i < items.length; i++) {
            items[i] = new ConversationItem(w * WINDOW + i);
        }
        return items;
    }

    private void request(int w) {
        if (loading.add(w)) {
            source.load(w * WINDOW, WINDOW, rows -> {
                loading.remove(w);
                arrived(w, rows);
            });
        }
    }

    private void arrived(int w, List<ConversationRow> rows) {
        ConversationItem[] items = windows.get(w);
        if (items == null) {
            items = emptyWindow(w);
            windows.put(w, items);
        }
        for (int i = 0; i < items.length && i < rows.size(); i++) {
            items[i].fill(rows.get(i));
        }
    }

    /** A failed window may be asked for again. */
    void failed(int offset) {
        loading.remove(offset / WINDOW);
        windows.remove(offset / WINDOW);
    }
}
