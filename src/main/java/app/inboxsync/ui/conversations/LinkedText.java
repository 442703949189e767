package app.inboxsync.ui.conversations;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A message's text cut into plain runs and web links, so links can be shown as clickable. */
public final class LinkedText {
    // http(s) or www. up to whitespace; trailing punctuation that usually ends a sentence is left out
    private static final Pattern URL = Pattern.compile("(?i)\\b(?:https?://|www\\.)[^\\s<>\"]+[^\\s<>\".,;:!?)\\]'’]");

    /** A run of text; {@code url} is what to open when it is a link, else null. */
    public record Run(String text, String url) { }

    private LinkedText() {
    }

    public static List<Run> of(String text) {
        List<Run> runs = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return runs;
        }
        Matcher m = URL.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                runs.add(new Run(text.substring(at, m.start()), null));
            }
            String link = m.group();
            runs.add(new Run(link, link.regionMatches(true, 0, "www.", 0, 4) ? "https://" + link : link));
            at = m.end();
        }
        if (at < text.length()) {
            runs.add(new Run(text.substring(at), null));
        }
        return runs;
    }
}
