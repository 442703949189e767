package app.inboxsync.ui.main;

import app.inboxsync.domain.SyncMode;
import app.inboxsync.ui.sync.PageProgress;
import app.inboxsync.ui.sync.RunState;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * One Page's row in the live table, kept for as long as the window runs: a property per column, each set only when
 * its value moves. A refresh then redraws the few cells whose words changed; the table's list of rows changes only
 * when a Page joins. (Replacing a row in the list made the TableView rebuild every row it showed, cell skins and
 * styles included: with 200 Pages syncing, most of the FX thread's time between pulses.)
 */
public final class LiveRow {
    private final String pageId;
    private PageProgress progress;
    private final ReadOnlyObjectWrapper<String> page = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RunState> state = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> mode = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Integer> seen = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Integer> inserted = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Integer> updated = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Integer> apiCalls = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<String> note = new ReadOnlyObjectWrapper<>();

    LiveRow(PageProgress first) {
        this.pageId = first.pageId();
        show(first);
    }

    public String pageId() {
        return pageId;
    }

    /** What the row shows now. */
    public PageProgress progress() {
        return progress;
    }

    /** The row's words for {@code now}; cells of columns whose value did not move are left alone. */
    void show(PageProgress now) {
        if (now.equals(progress)) {
            return;
        }
        progress = now;
        set(page, now.pageName() == null ? now.pageId() : now.pageName());
        set(state, RunState.of(now.phase()));
        set(mode, now.mode() == null ? "" : now.mode() == SyncMode.FULL ? "Full" : "Incremental");
        set(seen, now.seen());
        set(inserted, now.inserted());
        set(updated, now.updated());
        set(apiCalls, now.apiCalls());
        set(note, now.message() == null ? "" : now.message());
    }

    private static <T> void set(ReadOnlyObjectWrapper<T> column, T value) {
        if (!Objects.equals(column.get(), value)) {
            column.set(value);
        }
    }

    ReadOnlyObjectProperty<String> page() {
        return page.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<RunState> state() {
        return state.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<String> mode() {
        return mode.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Integer> seen() {
        return seen.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Integer> inserted() {
        return inserted.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Integer> updated() {
        return updated.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<Integer> apiCalls() {
        return apiCalls.getReadOnlyProperty();
    }

    ReadOnlyObjectProperty<String> note() {
        return note.getReadOnlyProperty();
    }
}
