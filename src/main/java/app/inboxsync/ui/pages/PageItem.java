package app.inboxsync.ui.pages;

import app.inboxsync.read.PageSummary;
import app.inboxsync.ui.sync.PageProgress;
import java.time.Instant;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;

/** One Page in the sidebar: what is stored about it, plus its live sync when one runs. */
public final class PageItem {
    private final String pageId;
    private final ReadOnlyObjectWrapper<PageSummary> summary = new ReadOnlyObjectWrapper<>();
    private final ObjectProperty<PageProgress> live = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<PageStatus> status = new ReadOnlyObjectWrapper<>();

    public PageItem(PageSummary summary) {
        this.pageId = summary.pageId();
        this.summary.set(summary);
    }

    public String pageId() {
        return pageId;
    }

    public String name() {
        return summary.get().name();
    }

    public PageSummary summary() {
        return summary.get();
    }

    public ReadOnlyObjectProperty<PageSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public PageProgress live() {
        return live.get();
    }

    public ObjectProperty<PageProgress> liveProperty() {
        return live;
    }

    public PageStatus status() {
        return status.get();
    }

    public ReadOnlyObjectProperty<PageStatus> statusProperty() {
        return status.getReadOnlyProperty();
    }

    void setSummary(PageSummary s) {
        summary.set(s);
    }

    /** Recomputes the status line (also as time passes: "a minute ago" becomes "2 minutes ago"); whether it changed. */
    public boolean refreshStatus(Instant now) {
        PageStatus next = PageStatus.of(summary.get(), live.get(), now);
        if (next.equals(status.get())) {
            return false;
        }
        status.set(next);
        return true;
    }
}
