package app.inboxsync.ui.common;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;

/**
 * One line of text runs and emoji pictures that ends in "…" where it is cut, as a label's own text does (an HBox
 * of them was just clipped: "You: Hi! Thanks for reachi"). The cut falls inside a text run (its words shortened to
 * what fits with the ellipsis) or before a picture. Every run keeps its whole text in {@link #whole}, so a wider
 * cell shows more again.
 */
final class EmojiLine extends Region {
    static final String ELLIPSIS = "…";
    private final List<Node> parts;
    private final List<String> whole = new ArrayList<>();
    private final Text ellipsis = new Text(ELLIPSIS);
    /** Measures candidate cuts without touching the runs on screen. */
    private final Text measure = new Text();

    EmojiLine(List<Node> parts, Labeled styledLike) {
        this.parts = List.copyOf(parts);
        for (Node n : this.parts) {
            whole.add(n instanceof Text t ? t.getText() : null);
        }
        ellipsis.getStyleClass().add(EmojiText.RUN);
        ellipsis.fontProperty().bind(styledLike.fontProperty());
        ellipsis.fillProperty().bind(styledLike.textFillProperty());
        ellipsis.setVisible(false);
        getStyleClass().add("emoji-line");
        getChildren().addAll(this.parts);
        getChildren().add(ellipsis);
        setMinWidth(0);
    }

    @Override
    protected double computePrefWidth(double height) {
        double width = snappedLeftInset() + snappedRightInset();
        for (int i = 0; i < parts.size(); i++) {
            width += widthOf(i, whole.get(i));
        }
        double most = getMaxWidth();
        return most > 0 && most < width ? most : width; // a label lays its graphic out at its preferred width
    }

    @Override
    protected double computePrefHeight(double width) {
        double height = 0;
        for (Node n : getChildren()) {
            height = Math.max(height, n.prefHeight(-1));
        }
        return snappedTopInset() + height + snappedBottomInset();
    }

    @Override
    protected void layoutChildren() {
        double left = snappedLeftInset();
        double room = getWidth() - left - snappedRightInset();
        double[] xs = new double[parts.size()];
        double x = 0;
        int cutAt = parts.size();
        for (int i = 0; i < parts.size(); i++) {
            double w = widthOf(i, whole.get(i));
            if (x + w > room + 0.5) {
                cutAt = i;
                break;
            }
            xs[i] = x;
            show(parts.get(i), whole.get(i));
            place(parts.get(i), left + xs[i]);
            x += w;
        }
        for (int i = cutAt; i < parts.size(); i++) {
            parts.get(i).setVisible(false);
        }
        ellipsis.setVisible(false);
        if (cutAt == parts.size()) {
            return;
        }
        // The cut: a text run ends in the ellipsis; before a picture it stands alone, and parts before it give way
        // until it fits, as a label drops letters to make room for its "…".
        double ellipsisWidth = ellipsis.prefWidth(-1);
        int i = cutAt;
        double at = x;
        while (i >= 0) {
            Node n = parts.get(i);
            if (n instanceof Text t) {
                String shortened = longestFitting(t, whole.get(i), room - at);
                if (shortened != null) {
                    show(n, shortened + ELLIPSIS);
                    place(n, left + at);
                    return;
                }
            }
            if (at + ellipsisWidth <= room + 0.5) {
                n.setVisible(false);
                ellipsis.setVisible(true);
                place(ellipsis, left + at);
                return;
            }
            n.setVisible(false);
            i--;
            at = i >= 0 ? xs[i] : 0;
        }
    }

    /** The longest start of {@code text} that fits {@code room} with the ellipsis after it; null if none does. */
    private String longestFitting(Text run, String text, double room) {
        measure.setFont(run.getFont());
        int fits = -1;
        int low = 1;
        int high = text.codePointCount(0, text.length());
        while (low <= high) { // binary search over code points, so an emoji's halves are never split
            int mid = (low + high) >>> 1;
            measure.setText(text.substring(0, text.offsetByCodePoints(0, mid)).stripTrailing() + ELLIPSIS);
            if (measure.getLayoutBounds().getWidth() <= room) {
                fits = mid;
                low = mid + 1;
            } else {
                high = mid - 1;
            }
        }
        return fits < 0 ? null : text.substring(0, text.offsetByCodePoints(0, fits)).stripTrailing();
    }

    private double widthOf(int i, String text) {
        Node n = parts.get(i);
        if (n instanceof Text t) {
            measure.setFont(t.getFont());
            measure.setText(text);
            return measure.getLayoutBounds().getWidth();
        }
        return n instanceof ImageView picture ? picture.getFitWidth() : n.prefWidth(-1);
    }

    /** Sets a run's text only when it changes, so a layout that cuts the same way asks for no other layout. */
    private static void show(Node n, String text) {
        n.setVisible(true);
        if (n instanceof Text t && text != null && !text.equals(t.getText())) {
            t.setText(text);
        }
    }

    private void place(Node n, double x) {
        double h = n.prefHeight(-1);
        double top = snappedTopInset();
        double room = getHeight() - top - snappedBottomInset();
        n.resizeRelocate(x, top + Math.max(0, (room - h) / 2), n.prefWidth(-1), h);
    }
}
