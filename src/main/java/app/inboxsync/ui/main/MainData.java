package app.inboxsync.ui.main;

import app.inboxsync.app.AppContext;
import app.inboxsync.read.PageSummary;
import app.inboxsync.read.SyncRunRow;
import java.util.List;
import java.util.Optional;

/** What the main window reads from and asks of the database; in memory in {@code MainViewModelTest}. */
public interface MainData {
    List<PageSummary> listPages();

    Optional<SyncRunRow> lastRun(String pageId);

    /** Forgets the Page's watermark, so its next sync reads everything again. */
    void requestFullSync(String pageId);

    static MainData of(AppContext app) {
        return new MainData() {
            @Override
            public List<PageSummary> listPages() {
                return app.pages().listPages();
            }

            @Override
            public Optional<SyncRunRow> lastRun(String pageId) {
                return app.runs().recent(pageId, 1).stream().findFirst();
            }

            @Override
            public void requestFullSync(String pageId) {
                app.pages().requestFullSync(pageId);
            }
        };
    }
}
