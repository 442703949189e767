package app.inboxsync.ui.welcome;

import javafx.fxml.FXML;

/** The first-run view's three ways in; each hands over to the main window's own action. */
public final class WelcomeController {
    private final Runnable addPage;
    private final Runnable importPages;
    private final Runnable tryDemo;

    public WelcomeController(Runnable addPage, Runnable importPages, Runnable tryDemo) {
        this.addPage = addPage;
        this.importPages = importPages;
        this.tryDemo = tryDemo;
    }

    @FXML
    private void addPage() {
        addPage.run();
    }

    @FXML
    private void importPages() {
        importPages.run();
    }

    @FXML
    private void tryDemo() {
        tryDemo.run();
    }
}
