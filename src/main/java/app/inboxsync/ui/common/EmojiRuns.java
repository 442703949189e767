package app.inboxsync.ui.common;

import java.util.ArrayList;
import java.util.List;
import net.fellbaum.jemoji.EmojiManager;
import net.fellbaum.jemoji.IndexedEmoji;
import net.fellbaum.jemoji.Qualification;

/**
 * A text cut into plain runs and emoji, by Unicode's emoji data (jemoji): a ZWJ family, a skin tone, a flag or a
 * keycap is one emoji, never its parts. The runs' texts joined give the text back, character for character.
 */
public final class EmojiRuns {
    /** A piece of the text; {@code emoji} when it is one emoji to draw as a picture. */
    public record Run(String text, boolean emoji) {
        public Run {
            if (text == null || text.isEmpty()) {
                throw new IllegalArgumentException("a run has some text");
            }
        }
    }

    private EmojiRuns() {
    }

    /** @param drawable whether an emoji has a picture; one without stays in the text, for the font to draw */
    public static List<Run> of(String text, java.util.function.Predicate<String> drawable) {
        List<Run> runs = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return runs;
        }
        if (!mayHaveEmoji(text)) {
            runs.add(new Run(text, false));
            return runs;
        }
        int at = 0;
        StringBuilder plain = new StringBuilder();
        for (IndexedEmoji found : EmojiManager.extractEmojisInOrderWithIndex(text)) {
            String emoji = text.substring(found.getCharIndex(), found.getEndCharIndex());
            if (!picture(found, emoji) || !drawable.test(emoji)) {
                continue; // stays in the plain run around it
            }
            plain.append(text, at, found.getCharIndex());
            if (!plain.isEmpty()) {
                runs.add(new Run(plain.toString(), false));
                plain.setLength(0);
            }
            runs.add(new Run(emoji, true));
            at = found.getEndCharIndex();
        }
        plain.append(text, at, text.length());
        if (!plain.isEmpty()) {
            runs.add(new Run(plain.toString(), false));
        }
        return runs;
    }

    /**
     * Reads Unicode's emoji data and the sheet's index now (about a second, the first time), so the first thread
     * shown does not wait for it. For a background thread at start.
     */
    public static int prepare() {
        return of("\uD83C\uDF89", EmojiSheet.twemoji()::has).size();
    }

    /** Whether the text has an emoji that would be drawn as a picture. */
    public static boolean hasPicture(String text, java.util.function.Predicate<String> drawable) {
        return text != null && mayHaveEmoji(text) && of(text, drawable).stream().anyMatch(Run::emoji);
    }

    /**
     * Whether any character could be (or end) an emoji: ©, ®, a keycap's U+20E3 or anything from U+203C on. Most
     * names and messages (Latin, Cyrillic, Arabic…) have none, so they skip the emoji data, whose first use alone
     * takes a second or two.
     */
    static boolean mayHaveEmoji(String text) {
        return text.chars().anyMatch(c -> c >= 0x203C || c == 0xA9 || c == 0xAE);
    }

    /**
     * A lone character that is text by default ("©", "™", a bare "☺" without U+FE0F) is left to the font, as
     * Messenger does; anything asking for emoji presentation, or longer than one code point, is a picture.
     */
    private static boolean picture(IndexedEmoji found, String emoji) {
        boolean oneCodePoint = emoji.codePointCount(0, emoji.length()) == 1;
        return !(oneCodePoint && found.getEmoji().getQualification() == Qualification.UNQUALIFIED)
                && found.getEmoji().getQualification() != Qualification.COMPONENT;
    }
}
