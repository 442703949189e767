package app.inboxsync.store;

import static app.inboxsync.store.Fixtures.conversation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.read.TagCatalog;
import app.inboxsync.store.read.ConversationBrowseQueries;
import app.inboxsync.store.read.ConversationTags;
import app.inboxsync.store.server.Database;
import app.inboxsync.store.write.PostgresInboxStore;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The tag manager's store: tags made before use, renamed (or merged) and deleted on every conversation, with counts. */
class TagCatalogTest {
    private Database db;
    private ConversationTags tags;
    private TagCatalog catalog;

    @BeforeEach
    void open() {
        db = TestDatabase.fresh();
        tags = new ConversationTags(db);
        catalog = new app.inboxsync.store.read.TagCatalogQueries(db);
        Fixtures.addPage(db, "p-t");
        new PostgresInboxStore(db).writeBatch("p-t", List.of(conversation("p-t", "t_a", "a", 1, "x"),
                conversation("p-t", "t_b", "b", 2, "y"), conversation("p-t", "t_c", "c", 3, "z")), List.of());
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void listsEveryTagWithItsColourAndCount() {
        tags.add(List.of("t_a", "t_b"), "vip");
        assertTrue(catalog.create("Wholesale", "green"));
        assertFalse(catalog.create(" wholesale ".replace("w", "W"), null), "exists already");
        catalog.colour("vip", "red");
        assertEquals(List.of(new TagCatalog.Tag("vip", "red", 2), new TagCatalog.Tag("Wholesale", "green", 0)), catalog.all());
        assertEquals(List.of("vip"), tags.inUse("p-t"), "the filter lists tags in use");
    }

    @Test
    void renameRewritesEveryConversationAndMergesOntoAnExistingTag() {
        tags.add(List.of("t_a", "t_b"), "vip");
        tags.add(List.of("t_b", "t_c"), "gold");
        catalog.colour("vip", "yellow");
        assertEquals(2, catalog.rename("vip", "VIP customers"));
        assertEquals(List.of(new TagCatalog.Tag("gold", null, 2), new TagCatalog.Tag("VIP customers", "yellow", 2)), catalog.all());
        assertEquals(2, catalog.rename("VIP customers", "gold"), "merged: t_b carried both and keeps one");
        assertEquals(List.of(new TagCatalog.Tag("gold", null, 3)), catalog.all());
        assertEquals(List.of("gold"), new ConversationBrowseQueries(db).window(ConversationFilter.page("p-t"),
                ConversationSort.NEWEST_FIRST, 0, 10).stream().filter(r -> r.conversationId().equals("t_b")).findFirst()
                .orElseThrow().tags());
    }

    @Test
    void deleteTakesTheTagOffEveryConversationAndSaysHowMany() {
        tags.add(List.of("t_a", "t_b", "t_c"), "refund");
        tags.add(List.of("t_a"), "vip");
        assertEquals(3, catalog.delete("refund"));
        assertEquals(List.of(new TagCatalog.Tag("vip", null, 1)), catalog.all());
        assertEquals(0, new ConversationBrowseQueries(db).count(ConversationFilter.page("p-t").withTag("refund")));
        assertEquals(0, catalog.delete("refund"));
    }
}
