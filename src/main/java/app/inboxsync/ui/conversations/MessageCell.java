package app.inboxsync.ui.conversations;

import app.inboxsync.read.MessageRow;
import app.inboxsync.ui.common.EmojiText;
import org.kordamp.ikonli.javafx.FontIcon;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.MenuItem;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextFlow;

/**
 * A message as a chat bubble: the customer's on the left, the Page's on the right, the time in each bubble. A new
 * day starts with a date line; messages from one sender in a row are grouped under one name. The search words are
 * highlighted, the current hit more strongly. Right-click (or Ctrl+C on the selected message) copies its text.
 */
final class MessageCell extends ListCell<MessageRow> {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT);
    private static final DateTimeFormatter FULL_TIME = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT);
    /** A pause longer than this starts a new group (under the sender's name again) even from the same sender. */
    private static final Duration GROUP_GAP = Duration.ofHours(1);
    private static final double BUBBLE_MAX = 520;
    static final double EMOJI = 20;
    static final double EMOJI_ALONE = 40;
    private final Consumer<String> openLink;
    private final ZoneId zone;
    /** The local media store, or null: then attachments are shown as their links. */
    private final ThreadMedia media;
    private final ThreadFind find;
    /** One menu per cell, for whichever message it shows: a menu is a popup window, costly to make per message drawn. */
    private final MenuItem copyText = new MenuItem("Copy text");
    private final ContextMenu copyMenu = new ContextMenu(copyText);

    MessageCell(Consumer<String> openLink, ZoneId zone, ThreadMedia media, ThreadFind find) {
        this.openLink = openLink;
        this.zone = zone;
        this.media = media;
        this.find = find;
        getStyleClass().add("message-cell");
        copyText.setOnAction(e -> copy(getItem()));
    }

    @Override
    protected void updateItem(MessageRow m, boolean empty) {
        super.updateItem(m, empty);
        setText(null);
        if (empty || m == null) {
            setGraphic(null);
            setContextMenu(null);
            return;
        }
        MessageRow before = getIndex() > 0 && getIndex() <= getListView().getItems().size()
                ? getListView().getItems().get(getIndex() - 1) : null;
        boolean newDay = before == null || !day(before).equals(day(m));
        boolean groupStart = newDay || startsGroup(before, m);
        VBox column = new VBox(2);
        column.setAlignment(m.fromPage() ? Pos.TOP_RIGHT : Pos.TOP_LEFT);
        column.setFillWidth(false); // a bubble as wide as its text, not the thread
        if (newDay) {
            Label date = new Label(DAY.withZone(zone).format(m.createdTime()));
            date.getStyleClass().add("thread-date");
            HBox line = new HBox(date);
            line.setAlignment(Pos.CENTER);
            line.getStyleClass().add("thread-date-line");
            line.prefWidthProperty().bind(column.widthProperty());
            column.getChildren().add(line);
        }
        if (groupStart) {
            Label who = new Label(senderName(m));
            who.getStyleClass().add("bubble-sender");
            EmojiText.show(who, senderName(m));
            column.getChildren().add(who);
        }
        VBox bubble = bubble(m);
        // at most 520 px and never wider than the thread, so its height is worked out at the width it gets; from
        // the list's width, known before a new cell's own
        bubble.maxWidthProperty().bind(Bindings.max(120, Bindings.min(BUBBLE_MAX, getListView().widthProperty().subtract(72))));
        column.getChildren().add(bubble);
        column.getStyleClass().add(groupStart ? "message-group-start" : "message-group-more");
        column.setMinWidth(0);
        column.prefWidthProperty().bind(widthProperty().subtract(24));
        setGraphic(column);
        copyText.setDisable(m.text() == null || m.text().isEmpty());
        setContextMenu(copyMenu);
    }

    private VBox bubble(MessageRow m) {
        VBox bubble = new VBox(4);
        boolean alone = EmojiText.onlyEmoji(m.text(), 3) && m.attachmentsJson() == null;
        bubble.getStyleClass().addAll("bubble", m.fromPage() ? "bubble-page" : "bubble-customer");
        if (alone) {
            bubble.getStyleClass().add("bubble-emoji-only");
        }
        if (m.text() != null && !m.text().isEmpty()) {
            bubble.getChildren().add(textFlow(m.text(), alone ? EMOJI_ALONE : EMOJI));
        }
        List<Node> links = new ArrayList<>();
        for (AttachmentWords.Line line : AttachmentWords.of(m.attachmentsJson())) {
            links.add(line.url() == null ? attachmentLabel(line.words()) : attachmentLink(line.words(), line.url()));
        }
        if (media != null && m.attachmentsJson() != null) {
            bubble.getChildren().add(new AttachmentView(media, m, links));
        } else {
            bubble.getChildren().addAll(links);
        }
        if (m.detailsUnavailable()) {
            bubble.getChildren().add(attachmentLabel("Facebook no longer gives the details of this message."));
        }
        Label time = new Label(TIME.withZone(zone).format(m.createdTime()));
        time.getStyleClass().add("bubble-time");
        time.setAccessibleText(FULL_TIME.withZone(zone).format(m.createdTime()));
        HBox timeLine = new HBox(time);
        timeLine.setAlignment(Pos.CENTER_RIGHT);
        timeLine.setMaxWidth(Double.MAX_VALUE);
        bubble.getChildren().add(timeLine);
        bubble.setAlignment(Pos.TOP_LEFT);
        return bubble;
    }

    /** The text with its links clickable, its emoji drawn and the search words marked. */
    private TextFlow textFlow(String text, double emojiSize) {
        List<ThreadSearch.Hit> hits = find.hitsProperty().get().stream().filter(h -> h.message() == getIndex()).toList();
        ThreadSearch.Hit current = find.currentProperty().get();
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("bubble-text");
        int at = 0;
        for (LinkedText.Run run : LinkedText.of(text)) {
            int end = at + run.text().length();
            if (run.url() != null) {
                flow.getChildren().add(link(run.text(), run.url()));
            } else {
                int piece = at;
                for (ThreadSearch.Hit hit : hits) {
                    int from = Math.max(hit.start(), at);
                    int to = Math.min(hit.end(), end);
                    if (from >= to) {
                        continue;
                    }
                    flow.getChildren().addAll(EmojiText.nodes(text.substring(piece, from), emojiSize, "bubble-plain"));
                    flow.getChildren().addAll(EmojiText.nodes(text.substring(from, to), emojiSize, "bubble-plain",
                            hit.equals(current) ? "search-hit-current" : "search-hit"));
                    piece = to;
                }
                flow.getChildren().addAll(EmojiText.nodes(text.substring(piece, end), emojiSize, "bubble-plain"));
            }
            at = end;
        }
        if (emojiSize == EMOJI_ALONE) { // large emoji are a line of their own: no baseline to sit on
            flow.getChildren().forEach(n -> n.setTranslateY(0));
        }
        flow.setPrefWidth(Region.USE_COMPUTED_SIZE);
        return flow;
    }

    /** Puts the message's text, as stored (emoji and all), on the clipboard. */
    static void copy(MessageRow m) {
        if (m != null && m.text() != null && !m.text().isEmpty()) {
            ClipboardContent content = new ClipboardContent();
            content.putString(m.text());
            Clipboard.getSystemClipboard().setContent(content);
        }
    }

    private LocalDate day(MessageRow m) {
        return m.createdTime().atZone(zone).toLocalDate();
    }

    private static boolean startsGroup(MessageRow before, MessageRow m) {
        return before.fromPage() != m.fromPage() || !Objects.equals(before.fromId(), m.fromId())
                || Duration.between(before.createdTime(), m.createdTime()).compareTo(GROUP_GAP) > 0;
    }

    private static String senderName(MessageRow m) {
        return m.fromName() == null ? (m.fromPage() ? "Page" : "Customer") : m.fromName();
    }

    /**
     * An attachment's link: its words with a paperclip drawn as an icon (the 📎 character came out blank on Linux),
     * or, when the words have emoji of their own (a shared link's title), those drawn as pictures.
     */
    private Hyperlink attachmentLink(String words, String url) {
        Hyperlink link = link(words, url);
        EmojiText.show(link, words);
        if (link.getGraphic() == null) {
            link.setGraphic(new FontIcon("fth-paperclip"));
        }
        return link;
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
