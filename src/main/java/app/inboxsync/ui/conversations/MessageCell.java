package app.inboxsync.ui.conversations;

import app.inboxsync.read.MessageRow;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/** A message as a chat bubble: the customer's on the left, the Page's on the right; links open in the browser. */
final class MessageCell extends ListCell<MessageRow> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);
    private final Consumer<String> openLink;
    private final ZoneId zone;
    /** The local media store, or null: then attachments are shown as their links. */
    private final ThreadMedia media;

    MessageCell(Consumer<String> openLink, ZoneId zone, ThreadMedia media) {
        this.openLink = openLink;
        this.zone = zone;
        this.media = media;
        getStyleClass().add("message-cell");
    }

    @Override
    protected void updateItem(MessageRow m, boolean empty) {
        super.updateItem(m, empty);
        setText(null);
        if (empty || m == null) {
            setGraphic(null);
            return;
        }
        VBox bubble = new VBox(4);
        bubble.getStyleClass().addAll("bubble", m.fromPage() ? "bubble-page" : "bubble-customer");
        bubble.setMaxWidth(520);
        Label who = new Label((m.fromName() == null ? (m.fromPage() ? "Page" : "Customer") : m.fromName())
                + " · " + TIME.withZone(zone).format(m.createdTime()));
        who.getStyleClass().add("bubble-meta");
        bubble.getChildren().add(who);
        if (m.text() != null && !m.text().isEmpty()) {
            bubble.getChildren().add(textFlow(m.text()));
        }
        List<Node> links = new ArrayList<>();
        for (AttachmentWords.Line line : AttachmentWords.of(m.attachmentsJson())) {
            links.add(line.url() == null ? attachmentLabel(line.words()) : link("📎 " + line.words(), line.url()));
        }
        if (media != null && m.attachmentsJson() != null) {
            bubble.getChildren().add(new AttachmentView(media, m, links));
        } else {
            bubble.getChildren().addAll(links);
        }
        if (m.detailsUnavailable()) {
            bubble.getChildren().add(attachmentLabel("Facebook no longer gives the details of this message."));
        }
        HBox row = new HBox(bubble);
        row.setAlignment(m.fromPage() ? Pos.CENTER_RIGHT : Pos.CENTER_LEFT);
        row.setMinWidth(0);
        row.prefWidthProperty().bind(widthProperty().subtract(24));
        setGraphic(row);
    }

    private TextFlow textFlow(String text) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("bubble-text");
        for (LinkedText.Run run : LinkedText.of(text)) {
            if (run.url() == null) {
                Text t = new Text(run.text());
                t.getStyleClass().add("bubble-plain");
                flow.getChildren().add(t);
            } else {
                flow.getChildren().add(link(run.text(), run.url()));
            }
        }
        flow.setMaxWidth(500);
        flow.setPrefWidth(Region.USE_COMPUTED_SIZE);
        return flow;
    }

    private Hyperlink link(String words, String url) {
        Hyperlink link = new Hyperlink(words);
        link.setWrapText(true);
        link.getStyleClass().add("bubble-link");
        link.setOnAction(e -> openLink.accept(url));
        return link;
    }

    private static Label attachmentLabel(String words) {
        Label label = new Label(words);
        label.setWrapText(true);
        label.getStyleClass().add("bubble-attachment");
        return label;
    }
}
