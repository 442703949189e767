package app.inboxsync.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import java.util.List;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** A one-line text with emoji, cut as a label cuts its own text: with "…", and whole again when there is room. */
@ExtendWith(ApplicationExtension.class)
class EmojiLineTest {
    private static final String SNIPPET = "You: Hi! Thanks for reaching out 😊 we open at nine tomorrow 🎉 and close at six";
    private Label label;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        label = new Label();
        label.setMinWidth(0);
        VBox root = new VBox(label);
        root.getStylesheets().add(Fxml.stylesheet());
        stage.setScene(new Scene(root, 900, 200));
        stage.show();
    }

    @Test
    void aCutLineEndsInAnEllipsisInsideTheLabelAndShowsEverythingWhenWide(FxRobot robot) {
        robot.interact(() -> {
            EmojiText.show(label, SNIPPET);
            label.setPrefWidth(200);
            label.setMaxWidth(200);
        });
        WaitForAsyncUtils.waitForFxEvents();

        String drawn = drawnText();
        assertTrue(drawn.endsWith(EmojiLine.ELLIPSIS), "cut with an ellipsis: " + drawn);
        String before = drawn.substring(0, drawn.length() - 1);
        assertTrue(before.length() > 5 && SNIPPET.startsWith(before), "the start of the snippet: " + drawn);
        double right = label.localToScene(label.getLayoutBounds()).getMaxX();
        for (Node n : visibleParts()) {
            assertTrue(n.localToScene(n.getLayoutBounds()).getMaxX() <= right + 1, "nothing drawn past the label");
        }
        assertEquals(SNIPPET, label.getText(), "the label keeps the whole text, to copy or read aloud");

        robot.interact(() -> {
            label.setPrefWidth(880);
            label.setMaxWidth(880);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(SNIPPET.replace("😊", "").replace("🎉", ""), drawnText(), "the whole line, its two emoji as pictures");
        assertEquals(2, visibleParts().stream().filter(ImageView.class::isInstance).count());
    }

    @Test
    void aCutJustBeforeAPictureHidesItAndShowsTheEllipsis(FxRobot robot) {
        robot.interact(() -> EmojiText.show(label, "🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉🎉"));
        WaitForAsyncUtils.waitForFxEvents();
        EmojiLine line = (EmojiLine) label.getGraphic();
        double pictureWidth = line.getChildrenUnmodifiable().stream().filter(ImageView.class::isInstance)
                .map(ImageView.class::cast).findFirst().orElseThrow().getFitWidth();
        robot.interact(() -> {
            label.setPrefWidth(pictureWidth * 4.5);
            label.setMaxWidth(pictureWidth * 4.5);
        });
        WaitForAsyncUtils.waitForFxEvents();
        List<Node> shown = visibleParts();
        assertTrue(shown.size() < 20 && shown.size() >= 3, "some pictures only: " + shown.size());
        Node last = shown.get(shown.size() - 1);
        assertTrue(last instanceof Text t && t.getText().equals(EmojiLine.ELLIPSIS), "then the ellipsis");
        assertFalse(shown.subList(0, shown.size() - 1).stream().anyMatch(Text.class::isInstance));
    }

    private List<Node> visibleParts() {
        EmojiLine line = (EmojiLine) label.getGraphic();
        return line.getChildrenUnmodifiable().stream().filter(Node::isVisible).toList();
    }

    private String drawnText() {
        StringBuilder s = new StringBuilder();
        for (Node n : visibleParts()) {
            if (n instanceof Text t) {
                s.append(t.getText());
            }
        }
        return s.toString();
    }

}
