package app.inboxsync.ui.conversations;

import app.inboxsync.read.MessageRow;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Where search words are found in a thread's messages: as the list's search matches them, each word found where a
 * word of the text starts ("dre" finds "dress", not "address"), letter case ignored.
 */
public final class ThreadSearch {
    /** One word found: in the message at {@code message} (its index in the thread), characters [start, end). */
    public record Hit(int message, int start, int end) {
    }

    private ThreadSearch() {
    }

    /** The query's words, cut where the list's search cuts them (at anything not a letter or a digit). */
    public static List<String> words(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return Arrays.stream(query.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+"))
                .filter(w -> !w.isEmpty()).distinct().toList();
    }

    /** Every place a word starts a word of {@code text}, in order, never overlapping. */
    public static List<int[]> ranges(String text, List<String> words) {
        List<int[]> ranges = new ArrayList<>();
        if (text == null || words.isEmpty()) {
            return ranges;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        boolean sameLength = lower.length() == text.length(); // else offsets in the lower-case text would be off
        if (!sameLength) {
            return ranges;
        }
        int i = 0;
        while (i < lower.length()) {
            if (startsWord(lower, i)) {
                int longest = 0;
                for (String w : words) {
                    if (lower.startsWith(w, i) && w.length() > longest) {
                        longest = w.length();
                    }
                }
                if (longest > 0) {
                    ranges.add(new int[] {i, i + longest});
                    i += longest;
                    continue;
                }
            }
            i++;
        }
        return ranges;
    }

    /** All hits in the thread, oldest message first. */
    public static List<Hit> hits(List<MessageRow> messages, List<String> words) {
        List<Hit> hits = new ArrayList<>();
        if (words.isEmpty()) {
            return hits;
        }
        for (int m = 0; m < messages.size(); m++) {
            for (int[] r : ranges(messages.get(m).text(), words)) {
                hits.add(new Hit(m, r[0], r[1]));
            }
        }
        return hits;
    }

    private static boolean startsWord(String text, int i) {
        return Character.isLetterOrDigit(text.codePointAt(i))
                && (i == 0 || !Character.isLetterOrDigit(text.codePointBefore(i)));
    }
}
