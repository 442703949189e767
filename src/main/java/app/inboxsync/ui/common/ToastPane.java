package app.inboxsync.ui.common;

import java.time.Duration;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Toasts stacked in the window's top-right corner, newest at the bottom; each fades after a few seconds (errors
 * stay longer and can be closed). Lives inside the window rather than in popups, so it follows the window and
 * tests can find it.
 */
public final class ToastPane extends VBox implements Notifier {
    private static final int MAX_VISIBLE = 5;
    /** The width a toast's text wraps at: the toast's, less its icon, close button and padding. */
    private static final double TEXT_WIDTH = 290;

    public ToastPane() {
        getStyleClass().add("toast-pane");
        setSpacing(8);
        setAlignment(Pos.TOP_RIGHT);
        setPickOnBounds(false);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
    }

    /** Must be called on the FX thread. */
    @Override
    public void notify(Toast toast) {
        HBox node = toastNode(toast);
        getChildren().add(node);
        while (getChildren().size() > MAX_VISIBLE) {
            getChildren().remove(0);
        }
        Duration shown = toast.kind() == Toast.Kind.ERROR ? Duration.ofSeconds(10) : Duration.ofSeconds(4);
        FadeTransition fade = new FadeTransition(javafx.util.Duration.millis(400), node);
        fade.setToValue(0);
        SequentialTransition life = new SequentialTransition(new PauseTransition(javafx.util.Duration.millis(shown.toMillis())), fade);
        life.setOnFinished(e -> getChildren().remove(node));
        life.play();
    }

    private HBox toastNode(Toast toast) {
        Label title = new Label();
        title.getStyleClass().add("toast-title");
        EmojiText.show(title, toast.title());
        Label text = new Label();
        text.getStyleClass().add("toast-text");
        text.setWrapText(true);
        EmojiText.show(text, toast.text(), TEXT_WIDTH);
        VBox words = new VBox(2, title, text);
        HBox.setHgrow(words, Priority.ALWAYS);
        Button close = new Button(null, new FontIcon(Feather.X));
        close.getStyleClass().addAll("flat", "toast-close");
        HBox node = new HBox(10, new FontIcon(icon(toast.kind())), words, close);
        close.setOnAction(e -> getChildren().remove(node));
        node.getStyleClass().addAll("toast", "toast-" + toast.kind().name().toLowerCase(java.util.Locale.ROOT));
        node.setAlignment(Pos.TOP_LEFT);
        node.setMaxWidth(380);
        node.setPrefWidth(380);
        return node;
    }

    private static Feather icon(Toast.Kind kind) {
        return switch (kind) {
            case INFO -> Feather.INFO;
            case SUCCESS -> Feather.CHECK_CIRCLE;
            case WARNING -> Feather.ALERT_TRIANGLE;
            case ERROR -> Feather.ALERT_OCTAGON;
        };
    }
}
