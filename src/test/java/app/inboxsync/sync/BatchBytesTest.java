package app.inboxsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Message;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a parsed batch is estimated to take, against the rules of {@link BatchBytes} written out here rather than
 * called: a record 64 bytes, an Instant 24, a String 40 plus two per character (none when null), a list's slot 8
 * per element, a cursor 16 plus its URL, a conversation's three boxed counts 16 each.
 */
class BatchBytesTest {
    private static final long RECORD = 64;
    private static final long INSTANT = 24;
    private static final long SLOT = 8;
    private static final long CURSOR = 16;
    private static final long BOXED_COUNT = 16;
    private static final Instant T = Instant.parse("2026-12-04T10:00:00Z");
    private static final String NEXT = "https://graph.test/next?after=QVFI";

    private static long text(String s) {
        return s == null ? 0 : 40 + 2L * s.length();
    }

    private static final Message FULL = new Message("m_1", "t_1", "111", "u_9", "Ann Lee", false, "Is it in stock?",
            T, "{\"sticker\":\"369239263222822\"}", false);
    private static final Message BARE = new Message("m_2", "t_1", "111", null, null, false, null, T, null, true);

    /** Each message: its slot, its record, its time and its seven texts. */
    private static final long FULL_MESSAGE = SLOT + RECORD + INSTANT + text("m_1") + text("t_1") + text("111")
            + text("u_9") + text("Ann Lee") + text("Is it in stock?") + text("{\"sticker\":\"369239263222822\"}");
    private static final long BARE_MESSAGE = SLOT + RECORD + INSTANT + text("m_2") + text("t_1") + text("111");

    @Test
    void aPageOfMessagesIsItsRecordItsCursorAndItsListOfMessagesTextByText() {
        assertEquals(RECORD + RECORD, BatchBytes.of(new MessageBatch(List.of(), null, 1)),
                "the batch's record and its empty list's");
        MessageBatch two = new MessageBatch(List.of(FULL, BARE), Cursor.ofNullable(NEXT), 1);
        assertEquals(RECORD + CURSOR + text(NEXT) + RECORD + FULL_MESSAGE + BARE_MESSAGE, BatchBytes.of(two));
    }

    @Test
    void aPageOfConversationsCountsEachConversationWithItsNestedMessagesAndBothCursors() {
        Conversation named = new Conversation("t_1", "111", Folder.INBOX, "u_9", "Ann Lee", "Is it in stock?", T, 2,
                1, true, "https://facebook.test/t_1", "[{\"id\":\"u_9\"}]");
        Conversation bare = new Conversation("t_2", "111", Folder.INBOX, "u_8", null, null, T, null, null, null,
                null, null);
        ConversationBatch page = new ConversationBatch(List.of(
                new FetchedConversation(named, List.of(FULL, BARE), Cursor.ofNullable(NEXT + "2")),
                new FetchedConversation(bare, List.of(), null)), Cursor.ofNullable(NEXT), 1);

        long namedItself = RECORD + INSTANT + text("t_1") + text("111") + text("u_9") + text("Ann Lee")
                + text("Is it in stock?") + text("https://facebook.test/t_1") + text("[{\"id\":\"u_9\"}]")
                + 3 * BOXED_COUNT;
        long bareItself = RECORD + INSTANT + text("t_2") + text("111") + text("u_8") + 3 * BOXED_COUNT;
        long namedFetched = SLOT + RECORD + CURSOR + text(NEXT + "2") + namedItself
                + RECORD + FULL_MESSAGE + BARE_MESSAGE;
        long bareFetched = SLOT + RECORD + bareItself + RECORD;
        assertEquals(RECORD + CURSOR + text(NEXT) + namedFetched + bareFetched, BatchBytes.of(page));
        assertEquals(RECORD, BatchBytes.of(new ConversationBatch(List.of(), null, 1)), "an empty last page");
    }

    @Test
    void aFirstGuessIsAKilobyteAConversationAndSixHundredBytesAMessage() {
        assertEquals(6_102_400, BatchBytes.guess(100, 100), "a full listing page: about 6 MB");
        assertEquals(61_024, BatchBytes.guess(1, 100), "a page of a thread's older messages");
        assertEquals(25 * 1_024, BatchBytes.guess(25, 0), "conversations without nested messages");
    }
}
