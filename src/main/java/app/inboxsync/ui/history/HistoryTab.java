package app.inboxsync.ui.history;

import app.inboxsync.app.AppContext;
import app.inboxsync.app.background.Background;
import app.inboxsync.ui.common.Fxml;
import app.inboxsync.ui.pages.PagesViewModel;
import app.inboxsync.ui.sync.SyncFinished;
import java.time.ZoneId;
import javafx.scene.control.Tab;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The "History" tab, wired to the window: it reads again when it is opened, when another Page is selected and
 * when a sync ends, but only while it is showing (the activity count reads every stored message of the Page).
 */
public final class HistoryTab {
    private HistoryTab() {
    }

    /** A tab of the window whose sidebar is {@code pages}; {@code syncFinished} says when a sync ended. */
    public static Tab create(AppContext app, Background tasks, PagesViewModel pages, SyncFinished syncFinished) {
        HistoryController controller = new HistoryController(app.runs(), app.activity(), tasks, pages, new HistoryViewModel(ZoneId.systemDefault()));
        Tab tab = new Tab("History", Fxml.HISTORY.load(controller));
        tab.setId("historyTab");
        tab.setGraphic(new FontIcon(Feather.BAR_CHART_2));
        Runnable refreshIfShown = () -> {
            if (tab.isSelected()) {
                controller.refresh();
            }
        };
        tab.selectedProperty().addListener((o, was, now) -> refreshIfShown.run());
        pages.selectedProperty().addListener((o, was, now) -> refreshIfShown.run());
        syncFinished.whenSyncFinished(result -> refreshIfShown.run());
        return tab;
    }
}
