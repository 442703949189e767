package app.inboxsync.ui.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Message;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.store.read.ContactQueries;
import app.inboxsync.store.read.ConversationBrowseQueries;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.store.server.Database;
import app.inboxsync.store.read.PageRepository;
import app.inboxsync.store.write.PostgresInboxStore;
import app.inboxsync.store.TestDatabase;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The contact panel's state: notes saved when typing pauses, and to the conversation they were typed for. */
class ContactViewModelTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static Database db;

    @BeforeAll
    static void fill() {
        db = TestDatabase.fresh();
        new PageRepository(db).savePage(new PageProfile("p1", "Page p1", "Shop"));
        new PostgresInboxStore(db).writeBatch("p1", List.of(
                new Conversation("t_a", "p1", Folder.INBOX, "u_a", "Ann", "hi", T0, 2, 0, true, null, null),
                new Conversation("t_b", "p1", Folder.SPAM, "u_b", "Bob", "buy", T0.plusSeconds(60), 1, 1, true, null, null)),
                List.of(new Message("m_a1", "t_a", "p1", "u_a", "Ann", false, "hi", T0.minusSeconds(60), null, false),
                        new Message("m_a2", "t_a", "p1", "p1", "Page p1", true, "hello Ann", T0, null, false),
                        new Message("m_b1", "t_b", "p1", "u_b", "Bob", false, "buy", T0.plusSeconds(60), null, false)));
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private static ConversationRow row(String id) {
        return new ConversationBrowseQueries(db).window(ConversationFilter.page("p1"), ConversationSort.NEWEST_FIRST, 0, 10)
                .stream().filter(r -> r.conversationId().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void notesTypedAreSavedToTheirConversationEvenWhenAnotherIsShownBeforeThePause() {
        QueuedBackground background = new QueuedBackground(true);
        ContactViewModel m = new ContactViewModel(new app.inboxsync.store.read.NotesQueries(db), new ContactQueries(db), background);
        ContactQueries contacts = new ContactQueries(db);
        m.show(row("t_a"));
        assertEquals(1, m.factsProperty().get().fromCustomer());
        assertEquals(1, m.factsProperty().get().fromPage());
        assertEquals(T0.minusSeconds(60), m.factsProperty().get().firstMessage());
        m.notesTyped("Asked about");
        m.notesTyped("Asked about gift wrap");
        assertNull(contacts.facts("t_a").orElseThrow().notes(), "not saved while typing");
        m.saveNotes();
        assertEquals("Asked about gift wrap", contacts.facts("t_a").orElseThrow().notes());
        assertEquals("Saved", m.notesStatusProperty().get());

        m.notesTyped("Asked about gift wrap, twice");
        m.show(row("t_b")); // before the pause: saved to t_a, not to t_b
        assertEquals("Asked about gift wrap, twice", contacts.facts("t_a").orElseThrow().notes());
        assertNull(contacts.facts("t_b").orElseThrow().notes());
        assertEquals("", m.notesProperty().get());

        m.show(row("t_a")); // a row read before the save: the panel shows the notes as saved
        assertEquals("Asked about gift wrap, twice", m.notesProperty().get());
    }

    @Test
    void theFolderFilterNarrowsTheList() {
        ConversationsViewModel list = new ConversationsViewModel(new ConversationBrowseQueries(db),
                new app.inboxsync.store.read.ConversationTags(db), new app.inboxsync.store.read.TagCatalogQueries(db),
                new app.inboxsync.store.read.ConversationQueries(db), new QueuedBackground(true), t -> { }, java.time.ZoneOffset.UTC);
        list.pageIdProperty().set("p1");
        assertEquals(2, list.rowsProperty().get().size());
        list.folderProperty().set(Folder.SPAM);
        assertEquals("t_b", list.rowsProperty().get().get(0).row().conversationId());
        assertEquals(1, list.rowsProperty().get().size());
        assertEquals(Boolean.FALSE, list.rowsProperty().get().get(0).row().lastFromPage());
        list.folderProperty().set(null);
        assertEquals(Boolean.TRUE, list.rowsProperty().get().get(1).row().lastFromPage(), "Ann's newest is the Page's");
    }
}
