package app.inboxsync.sync;

import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Message;
import java.util.List;

/**
 * What a parsed batch occupies on the heap, estimated from its parts, for the {@link BatchBudget}. It errs high:
 * every character is counted at two bytes (a text with an emoji or a non-Latin letter is stored so; plain Latin
 * text takes half), and each object at the header, fields and padding of a 64-bit JVM with compressed pointers.
 * Walking the records is cheap next to the JSON parsing that made them.
 */
final class BatchBytes {
    /** A record's header and its fields' slots, rounded up: Message and Conversation have 10 to 12 fields. */
    private static final long RECORD = 64;
    /** An Instant (header, seconds, nanos). */
    private static final long INSTANT = 24;
    /** A String's object and its array's header, before its characters. */
    private static final long STRING = 40;
    /** A list's slot per element (a compressed reference, with an ArrayList's slack). */
    private static final long SLOT = 8;

    /** A conversation's first guess (ids, names, snippet, participants, link), before a Page's answers are known. */
    private static final long CONVERSATION_GUESS = 1_024;
    /** A message's first guess: generous for a text, an attachment's JSON or both. */
    private static final long MESSAGE_GUESS = 600;

    private BatchBytes() {
    }

    /**
     * What an answer of {@code conversations} conversations with {@code messagesEach} messages each may take, for
     * a Page's first call of a kind (later ones expect what the previous answer took): for a full listing page of
     * 100 conversations with 100 nested messages each, about 6 MB, five times what the bench's answers take.
     */
    static long guess(int conversations, int messagesEach) {
        return conversations * (CONVERSATION_GUESS + messagesEach * MESSAGE_GUESS);
    }

    static long of(ConversationBatch batch) {
        long bytes = RECORD + cursor(batch.next());
        for (FetchedConversation f : batch.conversations()) {
            bytes += SLOT + RECORD + cursor(f.moreMessages()) + of(f.conversation()) + messages(f.messages());
        }
        return bytes;
    }

    static long of(MessageBatch batch) {
        return RECORD + cursor(batch.next()) + messages(batch.messages());
    }

    private static long of(Conversation c) {
        return RECORD + INSTANT + text(c.id()) + text(c.pageId()) + text(c.senderId()) + text(c.senderName())
                + text(c.snippet()) + text(c.link()) + text(c.participantsJson()) + 3 * 16; // the three boxed counts
    }

    private static long messages(List<Message> messages) {
        long bytes = RECORD;
        for (Message m : messages) {
            bytes += SLOT + RECORD + INSTANT + text(m.id()) + text(m.conversationId()) + text(m.pageId())
                    + text(m.fromId()) + text(m.fromName()) + text(m.text()) + text(m.attachmentsJson());
        }
        return bytes;
    }

    private static long cursor(Cursor c) {
        return c == null ? 0 : 16 + text(c.nextUrl());
    }

    private static long text(String s) {
        return s == null ? 0 : STRING + 2L * s.length();
    }
}
