package app.inboxsync.ui.pages;

import app.inboxsync.domain.Secret;
import java.util.Optional;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Asks for an access token, hidden as it is typed or pasted. Esc or Cancel gives nothing. */
public final class TokenDialog {
    private TokenDialog() {
    }

    public static Optional<Secret> ask(Window owner, String title, String explanation, String okText) {
        Dialog<Secret> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(title);
        dialog.setHeaderText(title);
        ButtonType ok = new ButtonType(okText, ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        PasswordField token = new PasswordField();
        token.setPromptText("Access token");
        token.setId("token-field");
        Label help = new Label(explanation);
        help.setWrapText(true);
        help.setMaxWidth(460);
        dialog.getDialogPane().setContent(new VBox(10, help, token));
        Node okButton = dialog.getDialogPane().lookupButton(ok);
        okButton.disableProperty().bind(token.textProperty().map(String::isBlank));
        dialog.setResultConverter(b -> b == ok ? Secret.of(token.getText().strip()) : null);
        Platform.runLater(token::requestFocus);
        return dialog.showAndWait();
    }
}
