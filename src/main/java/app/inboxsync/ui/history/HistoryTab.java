package app.inboxsync.ui.history;

import app.inboxsync.app.background.Background;
import app.inboxsync.ui.DesktopSession;
import app.inboxsync.ui.common.Fxml;
import app.inboxsync.ui.main.MainController;
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

    public static Tab create(DesktopSession session, Background tasks, MainController main) {
        HistoryController controller = new HistoryController(session.app().runs(), session.app().activity(), tasks,
                main.pages(), new HistoryViewModel(ZoneId.systemDefault()));
        Tab tab = new Tab("History", Fxml.HISTORY.load(controller));
        tab.setId("historyTab");
        tab.setGraphic(new FontIcon(Feather.BAR_CHART_2));
        Runnable refreshIfShown = () -> {
            if (tab.isSelected()) {
                controller.refresh();
            }
        };
        tab.selectedProperty().addListener((o, was, now) -> refreshIfShown.run());
        main.pages().selectedProperty().addListener((o, was, now) -> refreshIfShown.run());
        main.whenSyncFinished(result -> refreshIfShown.run());
        return tab;
    }
}
