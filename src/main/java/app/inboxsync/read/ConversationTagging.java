package app.inboxsync.read;

import java.util.Collection;
import java.util.List;

/** Tags people put on conversations in the browser (they survive every re-sync), and the tags in use. */
public interface ConversationTagging {
    int MAX_LENGTH = 40;

    /** Adds the tag to each conversation that does not carry it yet; returns how many changed. */
    int add(Collection<String> conversationIds, String tag);

    /** Removes the tag from each conversation carrying it; returns how many changed. */
    int remove(Collection<String> conversationIds, String tag);

    /** Every tag in use on the Page's conversations (all Pages when {@code pageId} is null), sorted. */
    List<String> inUse(String pageId);

    /** A tag as stored: trimmed, inner whitespace collapsed, at most {@link #MAX_LENGTH} characters; null if blank. */
    static String normalize(String tag) {
        if (tag == null) {
            return null;
        }
        String t = tag.strip().replaceAll("\\s+", " ").replace("\u0000", "");
        if (t.codePointCount(0, t.length()) > MAX_LENGTH) {
            t = t.substring(0, t.offsetByCodePoints(0, MAX_LENGTH));
        }
        return t.isEmpty() ? null : t;
    }
}
