package app.inboxsync.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.Node;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.image.ImageView;
import javafx.scene.paint.Paint;
import javafx.scene.text.Font;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;

/**
 * Text with its emoji drawn in colour, as Twemoji pictures: JavaFX draws no colour emoji on Linux (a colour font
 * comes out blank) and only grey ones on Windows. A TextFlow of {@link Text} runs and {@link ImageView}s; the Text
 * runs hold all the words (so a search or a screen reader finds them), each picture keeps its emoji as its
 * {@link ImageView#getAccessibleText() accessible text}, and {@link #getText()} is the text as given, to copy.
 */
public final class EmojiText extends TextFlow {
    /** Style class of every Text run, for CSS: {@code .emoji-text-run { -fx-fill: … }}. */
    public static final String RUN = "emoji-text-run";
    /** Style class of every picture. */
    public static final String PICTURE = "emoji-picture";
    private static final int LONGEST_EMOJI_CHARS = 32;
    private final StringProperty text = new SimpleStringProperty(this, "text", "");
    private final DoubleProperty emojiSize = new SimpleDoubleProperty(this, "emojiSize", 18);
    private final ObjectProperty<Paint> fill = new SimpleObjectProperty<>(this, "fill");
    private final ObjectProperty<Font> font = new SimpleObjectProperty<>(this, "font");

    public EmojiText() {
        getStyleClass().add("emoji-text");
        text.addListener((o, was, now) -> rebuild());
        emojiSize.addListener((o, was, now) -> rebuild());
    }

    public EmojiText(String text) {
        this();
        setText(text);
    }

    /**
     * Shows {@code text} in {@code target} (a Label or a cell): as its plain text when it has no emoji to draw (so
     * it keeps its ellipsis), else as an EmojiText in its font and colour, the text kept for screen readers.
     */
    public static void show(Labeled target, String text) {
        show(target, text, -1);
    }

    /**
     * As {@link #show(Labeled, String)}, for a label whose text wraps: with emoji, it wraps at {@code wrapWidth}
     * (a label can not tell its graphic the width it will get).
     */
    public static void show(Labeled target, String text, double wrapWidth) {
        target.setText(text);
        if (!EmojiRuns.hasPicture(text, EmojiSheet.twemoji()::has)) {
            target.setGraphic(null);
            target.setContentDisplay(ContentDisplay.LEFT);
            return;
        }
        target.setGraphic(wrapWidth > 0 ? wrapping(target, text, wrapWidth) : line(target, text));
        target.setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
    }

    private static EmojiText wrapping(Labeled target, String text, double wrapWidth) {
        EmojiText flow = new EmojiText();
        flow.fill.bind(target.textFillProperty());
        flow.font.bind(target.fontProperty());
        flow.emojiSize.bind(target.fontProperty().map(f -> f.getSize() * 1.25));
        flow.setText(text);
        flow.setPrefWidth(wrapWidth);
        flow.setMaxWidth(wrapWidth);
        return flow;
    }

    /** One line that ends in "…" where the label ends; the label's font and colour. */
    private static EmojiLine line(Labeled target, String text) {
        double size = target.getFont().getSize() * 1.25; // and it follows the label's font once styled
        List<Node> parts = nodes(text.replace('\n', ' '), size);
        for (Node n : parts) {
            if (n instanceof Text t) {
                t.fillProperty().bind(target.textFillProperty());
                t.fontProperty().bind(target.fontProperty());
            } else if (n instanceof ImageView picture) {
                picture.setTranslateY(0);
                picture.fitWidthProperty().bind(target.fontProperty().map(f -> f.getSize() * 1.25));
                picture.fitHeightProperty().bind(picture.fitWidthProperty());
            }
        }
        EmojiLine line = new EmojiLine(parts, target);
        // as wide as the label lets it be: the line cuts itself there, with its ellipsis
        line.maxWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.max(0, target.getWidth()
                - target.getPadding().getLeft() - target.getPadding().getRight()),
                target.widthProperty(), target.paddingProperty()));
        return line;
    }

    /**
     * The nodes for {@code text}: Text runs (with {@code styleClasses}) and pictures of {@code size} pixels.
     * For callers that put more in one flow (links, search highlights).
     */
    public static List<Node> nodes(String text, double size, String... styleClasses) {
        List<Node> nodes = new ArrayList<>();
        EmojiSheet sheet = EmojiSheet.twemoji();
        for (EmojiRuns.Run run : EmojiRuns.of(text, sheet::has)) {
            if (run.emoji()) {
                nodes.add(picture(sheet, run.text(), size));
            } else {
                Text t = new Text(run.text());
                t.getStyleClass().add(RUN);
                t.getStyleClass().addAll(styleClasses);
                nodes.add(t);
            }
        }
        return nodes;
    }

    /** Whether the text is emoji only, a few of them: chat apps draw such a message large. */
    public static boolean onlyEmoji(String text, int atMost) {
        // the longest emoji (a tag-sequence flag, a family with skin tones) is under 32 UTF-16 chars: a longer text
        // is never a few emoji, and is not searched for them (7 ms for a 9,000-character message, per cell drawn)
        if (text == null || text.isBlank() || text.length() > atMost * LONGEST_EMOJI_CHARS) {
            return false;
        }
        List<EmojiRuns.Run> runs = EmojiRuns.of(text.strip(), EmojiSheet.twemoji()::has);
        return runs.size() <= atMost && runs.stream().allMatch(EmojiRuns.Run::emoji);
    }

    private static ImageView picture(EmojiSheet sheet, String emoji, double size) {
        ImageView view = new ImageView(sheet.image());
        view.setViewport(sheet.cell(emoji).orElseThrow());
        view.setFitWidth(size);
        view.setFitHeight(size);
        view.setSmooth(true);
        view.setPreserveRatio(true);
        // sits on the baseline like a letter: moved down by a descent's worth so it is centred on the line
        view.setTranslateY(size * 0.2);
        view.getStyleClass().add(PICTURE);
        view.setAccessibleText(emoji);
        return view;
    }

    /** Wraps at its own preferred width when one is set, also when asked with no width (as a label asks its graphic). */
    @Override
    protected double computePrefHeight(double width) {
        return super.computePrefHeight(width < 0 && getPrefWidth() > 0 ? getPrefWidth() : width);
    }

    private void rebuild() {
        List<Node> nodes = nodes(getText(), getEmojiSize());
        for (Node n : nodes) {
            if (n instanceof Text t) {
                if (fill.isBound() || fill.get() != null) {
                    t.fillProperty().bind(fill);
                }
                if (font.isBound() || font.get() != null) {
                    t.fontProperty().bind(font);
                }
            }
        }
        getChildren().setAll(nodes);
    }

    /** The text as given, emoji included: what a copy puts on the clipboard. */
    public String getText() {
        return text.get();
    }

    public void setText(String value) {
        text.set(value == null ? "" : value);
    }

    public StringProperty textProperty() {
        return text;
    }

    public double getEmojiSize() {
        return emojiSize.get();
    }

    public void setEmojiSize(double size) {
        emojiSize.set(size);
    }

    public DoubleProperty emojiSizeProperty() {
        return emojiSize;
    }
}
