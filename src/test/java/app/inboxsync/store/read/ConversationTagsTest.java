package app.inboxsync.store.read;

import static app.inboxsync.store.Fixtures.conversation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.read.ConversationTagging;
import app.inboxsync.store.Fixtures;
import app.inboxsync.store.TestDatabase;
import app.inboxsync.store.server.Database;
import app.inboxsync.store.write.PostgresInboxStore;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConversationTagsTest {
    private static Database db;
    private static ConversationTags tags;

    @BeforeAll
    static void open() {
        db = TestDatabase.fresh();
        tags = new ConversationTags(db);
        Fixtures.addPage(db, "p-t");
        Fixtures.addPage(db, "p-u");
        new PostgresInboxStore(db).writeBatch("p-t", List.of(conversation("p-t", "t_a", "a", 1, "x"),
                conversation("p-t", "t_b", "b", 2, "y")), List.of());
        new PostgresInboxStore(db).writeBatch("p-u", List.of(conversation("p-u", "t_c", "c", 1, "z")), List.of());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    @Test
    void bulkAddIsIdempotentAndRemoveTakesOnlyThatTag() {
        assertEquals(2, tags.add(List.of("t_a", "t_b"), "  follow   up "));
        assertEquals(0, tags.add(List.of("t_a", "t_b"), "follow up"), "already there: not added twice");
        tags.add(List.of("t_a", "t_c"), "vip");
        assertEquals(List.of("follow up", "vip"), tags("t_a"));
        assertEquals(1, tags.remove(List.of("t_a", "t_c", "t_missing"), "follow up"));
        assertEquals(List.of("vip"), tags("t_a"));
        assertEquals(List.of("follow up"), tags.inUse("p-t").subList(0, 1));
        assertEquals(List.of("follow up", "vip"), tags.inUse(null));
        assertEquals(List.of("vip"), tags.inUse("p-u"));
        assertEquals(0, tags.add(List.of(), "vip"));
        assertEquals(0, tags.add(List.of("t_a"), "   "));
    }

    @Test
    void normalizeTrimsCollapsesAndCutsByCodePoint() {
        assertEquals("a b", ConversationTagging.normalize("  a \t b "));
        assertNull(ConversationTagging.normalize(" "));
        String emoji = "😀".repeat(ConversationTagging.MAX_LENGTH + 5);
        assertEquals("😀".repeat(ConversationTagging.MAX_LENGTH), ConversationTagging.normalize(emoji));
    }

    private static List<String> tags(String conversationId) {
        return new ConversationBrowseQueries(db).window(ConversationFilter.page("p-t"), ConversationSort.NEWEST_FIRST, 0, 10).stream().filter(r -> r.conversationId().equals(conversationId))
                .findFirst().orElseThrow().tags();
    }
}
