package app.inboxsync.ui.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Message;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.read.MessageRow;
import app.inboxsync.store.TestDatabase;
import app.inboxsync.store.read.ConversationBrowseQueries;
import app.inboxsync.store.read.PageRepository;
import app.inboxsync.store.server.Database;
import app.inboxsync.store.write.PostgresInboxStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A long thread opens on its newest page and goes back a page at a time. */
class ThreadViewModelTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static Database db;
    private static ConversationRow longThread;
    private static ConversationRow shortThread;

    @BeforeAll
    static void fill() {
        db = TestDatabase.fresh();
        new PageRepository(db).savePage(new PageProfile("p", "Page", "Shop"));
        List<Message> messages = new ArrayList<>();
        for (int i = 0; i < 450; i++) {
            messages.add(new Message("m" + i, "t_long", "p", i % 2 == 0 ? "u" : "p", null, i % 2 == 1, "message " + i,
                    T0.plusSeconds(i), null, false));
        }
        messages.add(new Message("s0", "t_short", "p", "u2", null, false, "hi", T0, null, false));
        new PostgresInboxStore(db).writeBatch("p", List.of(
                new Conversation("t_long", "p", Folder.INBOX, "u", "Long", "message 449", T0.plusSeconds(449), 450, 0, true, null, null),
                new Conversation("t_short", "p", Folder.INBOX, "u2", "Short", "hi", T0, 1, 0, true, null, null)), messages);
        List<ConversationRow> rows = new ConversationBrowseQueries(db).window(ConversationFilter.page("p"), ConversationSort.NEWEST_FIRST, 0, 2);
        longThread = rows.get(0);
        shortThread = rows.get(1);
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void opensOnTheNewestPageOldestFirstAndLoadsOlderPagesOnTop() {
        ThreadViewModel thread = new ThreadViewModel(new ConversationBrowseQueries(db), new QueuedBackground(true));
        thread.show(longThread);
        assertEquals(ThreadViewModel.PAGE, thread.messages().size());
        assertEquals("m250", thread.messages().get(0).messageId());
        assertEquals("m449", thread.messages().get(ThreadViewModel.PAGE - 1).messageId(), "newest at the bottom");
        assertTrue(thread.hasOlderProperty().get());
        thread.loadOlder();
        thread.loadOlder();
        assertEquals(450, thread.messages().size());
        assertFalse(thread.hasOlderProperty().get());
        for (int i = 0; i < 450; i++) {
            assertEquals("m" + i, thread.messages().get(i).messageId(), "in order, no gap or repeat");
        }
        thread.refresh();
        assertEquals(ThreadViewModel.PAGE, thread.messages().size(), "after a sync: the newest page again");
        assertEquals("m449", thread.messages().get(ThreadViewModel.PAGE - 1).messageId());
    }

    @Test
    void aLateAnswerForThePreviousConversationIsDropped() {
        QueuedBackground background = new QueuedBackground(false);
        ThreadViewModel thread = new ThreadViewModel(new ConversationBrowseQueries(db), background);
        thread.show(longThread);
        thread.show(shortThread);
        background.runNewestFirst();
        assertEquals(List.of("s0"), thread.messages().stream().map(MessageRow::messageId).toList());
        assertFalse(thread.loadingProperty().get());
        thread.show(null);
        assertEquals("Select a conversation to read it.", thread.statusProperty().get());
    }
}
