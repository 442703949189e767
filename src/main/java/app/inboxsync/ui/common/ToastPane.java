package app.inboxsync.ui.common;

import java.time.Duration;
import java.util.List;
import javafx.animation.FadeTransition;
import javafx.animation.PauseTransition;
import javafx.animation.SequentialTransition;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Toasts stacked in the window's bottom-right corner, newest on top; each fades after a few seconds (errors
 * stay longer and can be closed). At most {@link #MAX_VISIBLE} are drawn: an older one pushed out is counted in
 * the line beneath them ("and 4 more") until the stack is empty. The bottom corner keeps them off the toolbar,
 * the summary card and the progress line. Lives inside the window rather than in popups, so it follows the
 * window and tests can find it.
 */
public final class ToastPane extends VBox implements Notifier {
    public static final int MAX_VISIBLE = 3;

    /** Always the last child (shown only while some are folded), so listeners on the children see toasts only. */
    private final Label more = new Label();
    private int folded;
    /** The width a toast's text wraps at: the toast's, less its icon, close button and padding. */
    private static final double TEXT_WIDTH = 290;

    public ToastPane() {
        getStyleClass().add("toast-pane");
        setSpacing(8);
        setAlignment(Pos.BOTTOM_RIGHT);
        setPickOnBounds(false);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        more.getStyleClass().add("toast-more");
        showFolded();
        getChildren().add(more);
    }

    /** Must be called on the FX thread. */
    @Override
    public void notify(Toast toast) {
        HBox node = toastNode(toast);
        getChildren().add(0, node);
        while (toasts().size() > MAX_VISIBLE) {
            getChildren().remove(toasts().get(toasts().size() - 1));
            folded++;
        }
        showFolded();
        Duration shown = toast.kind() == Toast.Kind.ERROR ? Duration.ofSeconds(10) : Duration.ofSeconds(4);
        FadeTransition fade = new FadeTransition(javafx.util.Duration.millis(400), node);
        fade.setToValue(0);
        SequentialTransition life = new SequentialTransition(new PauseTransition(javafx.util.Duration.millis(shown.toMillis())), fade);
        life.setOnFinished(e -> remove(node));
        life.play();
    }

    /** The toasts drawn now, newest first (the fold line is not one of them). */
    public List<Node> toasts() {
        return getChildren().filtered(n -> n != more);
    }

    /** How many older toasts the fold line counts. */
    public int folded() {
        return folded;
    }

    private void remove(Node node) {
        getChildren().remove(node);
        if (toasts().isEmpty()) {
            folded = 0;
        }
        showFolded();
    }

    private void showFolded() {
        more.setText("and " + folded + " more");
        more.setVisible(folded > 0);
        more.setManaged(folded > 0);
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
        close.setOnAction(e -> remove(node));
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
