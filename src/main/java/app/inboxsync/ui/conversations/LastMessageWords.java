package app.inboxsync.ui.conversations;

import app.inboxsync.app.Plural;
import app.inboxsync.read.ConversationRow;
import java.util.List;

/**
 * What the list says of a conversation's newest message: its snippet, "You: " first when the Page wrote it, and
 * when it has no text, what it was ("Photo", "3 photos", "Sticker", "Voice message").
 *
 * @param text      the words drawn
 * @param described the message had no text: {@code text} describes what it carried (drawn with its icon)
 * @param kind      what it carried when described and all of one kind, else null
 */
record LastMessageWords(String text, boolean described, AttachmentWords.Kind kind) {
    static final String YOU = "You: ";

    static LastMessageWords of(ConversationRow r) {
        String prefix = Boolean.TRUE.equals(r.lastFromPage()) ? YOU : "";
        String snippet = r.lastMessage() == null ? null : r.lastMessage().replace('\n', ' ').strip();
        if (snippet != null && !snippet.isEmpty()) {
            return new LastMessageWords(prefix + snippet, false, null);
        }
        List<AttachmentWords.Kind> kinds = AttachmentWords.kinds(r.lastAttachments());
        if (kinds.isEmpty()) {
            // no snippet and nothing attached that we know of: an unknown snippet is said to be unknown
            return new LastMessageWords(snippet == null ? ConversationColumns.UNKNOWN : prefix.strip(), false, null);
        }
        boolean oneKind = kinds.stream().distinct().count() == 1;
        String words = oneKind ? kinds.get(0).counted(kinds.size()) : Plural.of(kinds.size(), "attachment");
        return new LastMessageWords(prefix + words, true, oneKind ? kinds.get(0) : null);
    }
}
