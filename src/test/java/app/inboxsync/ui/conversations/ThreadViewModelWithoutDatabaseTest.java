package app.inboxsync.ui.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.app.background.Background;
import app.inboxsync.domain.Folder;
import app.inboxsync.read.ConversationBrowsing;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.read.MessageRow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chat's paging against an in-memory thread: no PostgreSQL, the work on the test thread. */
class ThreadViewModelWithoutDatabaseTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static final ConversationRow THREAD = new ConversationRow("t1", "p1", "u1", "Customer", "hi", T0, 450, 0,
            Folder.INBOX, List.of(), null, null, null);

    @Test
    void opensOnTheNewestPageAndPutsOlderPagesOnTop() {
        StoredThread stored = new StoredThread(450);
        ThreadViewModel thread = new ThreadViewModel(stored, Background.currentThread());
        thread.show(THREAD);
        assertEquals(ThreadViewModel.PAGE, thread.messages().size());
        assertEquals("m449", thread.messages().get(ThreadViewModel.PAGE - 1).messageId(), "newest at the bottom");
        assertTrue(thread.hasOlderProperty().get());
        thread.loadOlder();
        thread.loadOlder();
        assertEquals(450, thread.messages().size());
        assertFalse(thread.hasOlderProperty().get());
        for (int i = 0; i < 450; i++) {
            assertEquals("m" + i, thread.messages().get(i).messageId(), "in order, no gap or repeat");
        }
    }

    @Test
    void anEmptyThreadAndAFailingStoreSaySoInWords() {
        ThreadViewModel empty = new ThreadViewModel(new StoredThread(0), Background.currentThread());
        empty.show(THREAD);
        assertEquals("No messages are stored for this conversation.", empty.statusProperty().get());
        StoredThread failing = new StoredThread(10);
        failing.failWith = "the server stopped";
        ThreadViewModel thread = new ThreadViewModel(failing, Background.currentThread());
        thread.show(THREAD);
        assertEquals("Could not read the conversation: the server stopped", thread.statusProperty().get());
        assertFalse(thread.loadingProperty().get());
    }

    /** One thread of {@code size} messages, a minute apart, paged newest first as the keyset query does. */
    private static final class StoredThread implements ConversationBrowsing {
        private final List<MessageRow> oldestFirst = new ArrayList<>();
        String failWith;

        StoredThread(int size) {
            for (int i = 0; i < size; i++) {
                oldestFirst.add(new MessageRow("m" + i, "t1", "u1", "Customer", false, "text " + i,
                        T0.plusSeconds(60L * i), null, false));
            }
        }

        @Override
        public List<MessageRow> olderMessages(String conversationId, MessageRow newerThan, int limit) {
            if (failWith != null) {
                throw new IllegalStateException(failWith);
            }
            int end = newerThan == null ? oldestFirst.size() : oldestFirst.indexOf(newerThan);
            List<MessageRow> page = new ArrayList<>(oldestFirst.subList(Math.max(0, end - limit), end));
            Collections.reverse(page);
            return page;
        }

        @Override
        public int count(ConversationFilter filter) {
            throw new UnsupportedOperationException("the thread view only reads messages");
        }

        @Override
        public FirstWindow firstWindow(ConversationFilter filter, ConversationSort sort, int limit) {
            throw new UnsupportedOperationException("the thread view only reads messages");
        }

        @Override
        public List<ConversationRow> window(ConversationFilter filter, ConversationSort sort, int offset, int limit) {
            throw new UnsupportedOperationException("the thread view only reads messages");
        }
    }
}
