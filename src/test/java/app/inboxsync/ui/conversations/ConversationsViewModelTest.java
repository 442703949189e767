package app.inboxsync.ui.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.app.background.Background;
import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Message;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.export.ExportFormat;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.store.TestDatabase;
import app.inboxsync.store.read.ConversationBrowseQueries;
import app.inboxsync.store.read.ConversationQueries;
import app.inboxsync.store.read.ConversationTags;
import app.inboxsync.store.read.PageRepository;
import app.inboxsync.store.server.Database;
import app.inboxsync.store.write.PostgresInboxStore;
import app.inboxsync.ui.common.Toast;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The browser's view model on a real database, its background work run on the test thread. */
class ConversationsViewModelTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    private static Database db;
    private final List<Toast> toasts = new ArrayList<>();

    @BeforeAll
    static void fill() {
        db = TestDatabase.fresh();
        PostgresInboxStore store = new PostgresInboxStore(db);
        for (String page : List.of("p1", "p2")) {
            new PageRepository(db).savePage(new PageProfile(page, "Page " + page, "Shop"));
            List<Conversation> conversations = new ArrayList<>();
            List<Message> messages = new ArrayList<>();
            for (int i = 0; i < 250; i++) {
                String id = page + "_t" + i;
                conversations.add(new Conversation(id, page, Folder.INBOX, "u" + i, "Customer " + i, "hello",
                        T0.plusSeconds(86_400L * (i % 10)), 1, i % 5 == 0 ? 2 : 0, true, null, null));
                messages.add(new Message(id + "_m", id, page, "u" + i, "Customer " + i, false,
                        i == 7 ? "where is my parcel" : "hello", T0, null, false));
            }
            store.writeBatch(page, conversations, messages);
        }
    }

    @AfterAll
    static void close() {
        db.close();
    }

    private ConversationsViewModel model(Background background) {
        return new ConversationsViewModel(new ConversationBrowseQueries(db), new ConversationTags(db), new app.inboxsync.store.read.TagCatalogQueries(db),
                new ConversationQueries(db), background, toasts::add, ZoneOffset.UTC);
    }

    @Test
    void showsNothingUntilAPageIsChosenThenFollowsEachFilter() {
        ConversationsViewModel m = model(new QueuedBackground(true));
        m.reload();
        assertEquals(0, m.rowsProperty().get().size());
        m.pageIdProperty().set("p1");
        assertEquals(250, m.rowsProperty().get().size());
        assertEquals("250 conversations", m.statusProperty().get());
        assertEquals("p1", m.rowsProperty().get().get(0).row().pageId());
        m.allPagesProperty().set(true);
        assertEquals(500, m.rowsProperty().get().size());
        m.searchProperty().set("parcel");
        assertEquals(2, m.rowsProperty().get().size(), "one per Page");
        m.allPagesProperty().set(false);
        assertEquals("1 conversation", m.statusProperty().get());
        m.searchProperty().set("");
        m.unreadOnlyProperty().set(true);
        assertEquals(50, m.rowsProperty().get().size());
        m.unreadOnlyProperty().set(false);
        m.fromProperty().set(LocalDate.of(2025, 3, 2));
        m.untilProperty().set(LocalDate.of(2025, 3, 3));
        assertEquals(50, m.rowsProperty().get().size(), "two whole days, the last one included");
    }

    @Test
    void sortingAsksTheDatabaseAndLaterWindowsLoadOnDemand() {
        QueuedBackground background = new QueuedBackground(true);
        ConversationsViewModel m = model(background);
        m.pageIdProperty().set("p2");
        m.sortProperty().set(new ConversationSort(ConversationSort.Column.SENDER, true));
        ConversationWindows rows = m.rowsProperty().get();
        assertEquals("Customer 99", rows.get(0).row().senderName(), "text order, descending");
        assertEquals("Customer 0", rows.get(249).row().senderName(), "the second window came when asked for");
    }

    @Test
    void anAnswerToAnOlderFilterIsDropped() {
        QueuedBackground background = new QueuedBackground(false);
        ConversationsViewModel m = model(background);
        m.pageIdProperty().set("p1");
        m.searchProperty().set("parcel");
        background.runNewestFirst(); // the search's answer first, then the stale unfiltered one
        assertEquals(1, m.rowsProperty().get().size());
        assertEquals("1 conversation", m.statusProperty().get());
    }

    @Test
    void tagsApplyToASelectionAndTheFilterFindsThem() {
        ConversationsViewModel m = model(new QueuedBackground(true));
        m.pageIdProperty().set("p1");
        List<ConversationRow> two = m.rowsProperty().get().loaded(List.of(m.rowsProperty().get().get(0), m.rowsProperty().get().get(1)));
        m.tag(two, " Wholesale ");
        assertEquals("Added to 2 conversations.", toasts.get(toasts.size() - 1).text());
        assertEquals(List.of("Wholesale"), m.knownTags());
        m.tagProperty().set("Wholesale");
        assertEquals(2, m.rowsProperty().get().size());
        m.untag(m.rowsProperty().get().loaded(List.of(m.rowsProperty().get().get(0))), "Wholesale");
        assertEquals(1, m.rowsProperty().get().size());
        m.tag(List.of(), "x");
        assertEquals(Toast.Kind.INFO, toasts.get(toasts.size() - 1).kind(), "nothing selected: say so");
    }

    @Test
    void exportWritesTheFilteredConversationsAndSaysWhere(@TempDir Path dir) throws Exception {
        ConversationsViewModel m = model(new QueuedBackground(true));
        m.allPagesProperty().set(true);
        m.searchProperty().set("parcel");
        Path file = dir.resolve("out.json");
        m.export(file, ExportFormat.JSON);
        Toast done = toasts.get(toasts.size() - 1);
        assertEquals("Wrote 2 conversations with 2 messages to " + file.toAbsolutePath() + ".", done.text());
        String json = Files.readString(file);
        assertTrue(json.contains("where is my parcel") && json.contains("\"p2\""), json);
    }
}
