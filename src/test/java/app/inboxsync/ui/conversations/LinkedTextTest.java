package app.inboxsync.ui.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LinkedTextTest {

    @Test
    void cutsLinksOutOfTheTextLeavingSentencePunctuationOut() {
        assertEquals(List.of(new LinkedText.Run("See ", null),
                        new LinkedText.Run("https://shop.example.com/p/1?x=2", "https://shop.example.com/p/1?x=2"),
                        new LinkedText.Run(", or ", null),
                        new LinkedText.Run("www.example.org", "https://www.example.org"),
                        new LinkedText.Run(". 👍", null)),
                LinkedText.of("See https://shop.example.com/p/1?x=2, or www.example.org. 👍"));
    }

    @Test
    void textWithoutLinksIsOneRun() {
        assertEquals(List.of(new LinkedText.Run("שלום file://etc", null)), LinkedText.of("שלום file://etc"));
        assertEquals(List.of(), LinkedText.of(null));
    }
}
