package app.inboxsync.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Emoji sequences are found whole, and every one of them has a Twemoji picture on the sheet. */
class EmojiRunsTest {
    private static final EmojiSheet SHEET = EmojiSheet.twemoji();

    private static List<String> emoji(String text) {
        return EmojiRuns.of(text, SHEET::has).stream().filter(EmojiRuns.Run::emoji).map(EmojiRuns.Run::text).toList();
    }

    @Test
    void sequencesAreOneEmojiEach() {
        String family = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"; // man ZWJ woman ZWJ girl
        String thumbTone = "\uD83D\uDC4D\uD83C\uDFFD"; // thumbs up, medium skin tone
        String flag = "\uD83C\uDDEB\uD83C\uDDF7"; // France
        String keycap = "1\uFE0F\u20E3";
        String heart = "\u2764\uFE0F"; // red heart with VS16
        String text = "Hi " + family + " and " + thumbTone + flag + " call " + keycap + " " + heart + "!";
        assertEquals(List.of(family, thumbTone, flag, keycap, heart), emoji(text));
        assertEquals(text, EmojiRuns.of(text, SHEET::has).stream().map(EmojiRuns.Run::text).collect(Collectors.joining()));
    }

    @Test
    void textStaysText() {
        assertEquals(List.of(new EmojiRuns.Run("Order #12, price 3 © 2025 ™", false)),
                EmojiRuns.of("Order #12, price 3 © 2025 ™", SHEET::has));
        assertFalse(EmojiRuns.hasPicture("plain words", SHEET::has));
        assertEquals(List.of(), EmojiRuns.of("", SHEET::has));
    }

    @Test
    void mostTextsSkipTheEmojiData() {
        assertFalse(EmojiRuns.mayHaveEmoji("Chloé Ólafur Ахмед شكرا 12 #3"));
        assertTrue(EmojiRuns.mayHaveEmoji("ok \uD83C\uDF89"));
        assertTrue(EmojiRuns.mayHaveEmoji("\u00A9 2025"));
    }

    @Test
    void aHeartWithOrWithoutTheSelectorIsThePicture() {
        assertTrue(SHEET.has("\u2764\uFE0F"));
        assertEquals(SHEET.cell("\u2764\uFE0F"), SHEET.cell("\u2764"));
        assertTrue(SHEET.has("\uD83C\uDF89")); // party popper
        assertFalse(SHEET.has("a"));
    }
}
