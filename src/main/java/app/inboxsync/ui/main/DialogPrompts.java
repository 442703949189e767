package app.inboxsync.ui.main;

import app.inboxsync.domain.PageListing;
import app.inboxsync.domain.Secret;
import app.inboxsync.ui.pages.ImportDialog;
import app.inboxsync.ui.pages.TokenDialog;
import app.inboxsync.ui.sync.FullSyncCost;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;

/** {@link Prompts} as the window's modal dialogs, owned by the main window. */
public final class DialogPrompts implements Prompts {
    private final Supplier<Window> owner;

    /** @param owner the main window, when it shows (null before) */
    public DialogPrompts(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Secret> token(TokenQuestion question) {
        return TokenDialog.ask(owner.get(), question.title(), question.explanation(), question.button());
    }

    @Override
    public Optional<Set<String>> choosePages(PageListing listing) {
        return ImportDialog.ask(owner.get(), listing);
    }

    @Override
    public boolean confirmFullSync(String pageName, FullSyncCost cost) {
        ButtonType go = new ButtonType("Reset & full sync", ButtonBar.ButtonData.OK_DONE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "", go, ButtonType.CANCEL);
        confirm.initOwner(owner.get());
        confirm.setTitle("Reset & full sync");
        confirm.setHeaderText("Read all of \"" + pageName + "\" again?");
        confirm.setContentText("A full sync reads every conversation and message of this Page from Facebook again: "
                + cost.describe() + ". Conversations stay browsable meanwhile, and your tags and notes are kept. "
                + "Later syncs are quick incremental ones again.");
        confirm.getDialogPane().setId("reset-confirmation");
        return confirm.showAndWait().filter(b -> b == go).isPresent();
    }

    @Override
    public boolean confirmCancel(String what) {
        ButtonType stop = new ButtonType("Cancel the sync", ButtonBar.ButtonData.OK_DONE);
        ButtonType keep = new ButtonType("Keep syncing", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "", stop, keep);
        confirm.initOwner(owner.get());
        confirm.setTitle("Cancel the sync");
        confirm.setHeaderText("Cancel the sync of " + what + "?");
        confirm.setContentText("What was synced so far is kept. Press Esc again to keep syncing.");
        confirm.getDialogPane().setId("cancel-confirmation");
        return confirm.showAndWait().filter(b -> b == stop).isPresent();
    }

    @Override
    public boolean wantsBackFromDemo(String what) {
        ButtonType back = new ButtonType("Back to my Pages", ButtonBar.ButtonData.OK_DONE);
        Alert offer = new Alert(Alert.AlertType.INFORMATION, "", back, ButtonType.CANCEL);
        offer.initOwner(owner.get());
        offer.setTitle("Demo data");
        offer.setHeaderText("This window shows the demo data");
        offer.setContentText("Its Pages are pretend ones, served by the bundled Graph simulator, which knows no real "
                + "token. Go back to your Pages to " + what + " with a token from Facebook.");
        offer.getDialogPane().setId("demo-way-back");
        return offer.showAndWait().filter(b -> b == back).isPresent();
    }
}
