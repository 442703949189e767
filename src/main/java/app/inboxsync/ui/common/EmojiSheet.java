package app.inboxsync.ui.common;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.StringJoiner;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.Image;

/**
 * Twemoji's pictures (CC-BY 4.0, see emoji/NOTICE.txt) in one 32 px sprite sheet: every emoji on screen is an
 * ImageView showing a cell of the one image, so the app decodes one PNG once, whatever the number of emoji.
 * The sheet and its index are made by packaging/emoji/make-emoji-sheet.sh.
 */
public final class EmojiSheet {
    /** A cell's picture size, in pixels; each cell has 1 px of padding on every side. */
    public static final int CELL = 32;
    private static final String SHEET_FILE = "emoji/twemoji-32.png";
    private static final String INDEX = "emoji/twemoji-32.txt";
    private static final int VARIATION_SELECTOR_16 = 0xFE0F;

    private final Map<String, Rectangle2D> cells;

    private EmojiSheet(Map<String, Rectangle2D> cells) {
        this.cells = cells;
    }

    /**
     * The app's one sheet, its index read on first use. Static like a font: an immutable resource of the jar, the
     * same for every window.
     */
    public static EmojiSheet twemoji() {
        return Index.TWEMOJI;
    }

    private static final class Index {
        static final EmojiSheet TWEMOJI = new EmojiSheet(readIndex());
    }

    /** Decoded on first use (so finding emoji in text needs no JavaFX), in the background: views fill in when ready. */
    private static final class Picture {
        static final Image SHEET = new Image(Objects.requireNonNull(EmojiSheet.class.getResource(SHEET_FILE),
                SHEET_FILE).toExternalForm(), true);
    }

    /** The image every emoji's view shows a part of. */
    public Image image() {
        return Picture.SHEET;
    }

    /** Where {@code emoji} is on the sheet, or empty when Twemoji has no picture for it. */
    public Optional<Rectangle2D> cell(String emoji) {
        return Optional.ofNullable(cells.get(key(emoji)));
    }

    public boolean has(String emoji) {
        return cells.containsKey(key(emoji));
    }

    /** The code points in lower-case hex joined by "-", without U+FE0F (so "❤️" and "❤" are the same picture). */
    static String key(String emoji) {
        StringJoiner key = new StringJoiner("-");
        emoji.codePoints().filter(cp -> cp != VARIATION_SELECTOR_16)
                .forEach(cp -> key.add(String.format("%04x", cp)));
        return key.toString();
    }

    private static Map<String, Rectangle2D> readIndex() {
        Map<String, Rectangle2D> cells = new HashMap<>(4096);
        try (InputStream in = Objects.requireNonNull(EmojiSheet.class.getResourceAsStream(INDEX), INDEX);
             BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] parts = line.split(" ");
                int x = Integer.parseInt(parts[0]);
                int y = Integer.parseInt(parts[1]);
                cells.put(parts[2], new Rectangle2D(x * (CELL + 2) + 1, y * (CELL + 2) + 1, CELL, CELL));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the emoji index could not be read", e);
        }
        return cells;
    }
}
