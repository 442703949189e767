package app.inboxsync.ui.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.app.background.Background;
import app.inboxsync.domain.Folder;
import app.inboxsync.read.ConversationBrowsing;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.read.ConversationStream;
import app.inboxsync.read.ConversationTagging;
import app.inboxsync.read.MessageRow;
import app.inboxsync.ui.common.Toast;
import app.inboxsync.read.TagCatalog;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * The browser's view model against in-memory fakes of the read interfaces: no PostgreSQL, no FX toolkit, the
 * background work on the test thread. (The real queries are tested in {@code store.read}; the window in TestFX.)
 */
class ConversationsViewModelWithoutDatabaseTest {
    private static final Instant T0 = Instant.parse("2025-03-01T10:00:00Z");
    /** No tag has a colour or a row of its own: the chips take the default look. */
    private static final TagCatalog NO_CATALOG = new TagCatalog() {
        @Override
        public List<Tag> all() {
            return List.of();
        }

        @Override
        public java.util.Map<String, String> colours() {
            return java.util.Map.of();
        }

        @Override
        public boolean create(String name, String colour) {
            throw new UnsupportedOperationException("the browser makes no tag here");
        }

        @Override
        public void colour(String name, String colour) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int rename(String from, String to) {
            throw new UnsupportedOperationException();
        }

        @Override
        public int delete(String name) {
            throw new UnsupportedOperationException();
        }
    };
    private final StoredConversations stored = new StoredConversations();
    private final List<Toast> toasts = new ArrayList<>();
    private final ConversationsViewModel model = new ConversationsViewModel(stored, stored, NO_CATALOG, stored,
            Background.currentThread(), toasts::add, ZoneOffset.UTC);

    ConversationsViewModelWithoutDatabaseTest() {
        for (String page : List.of("p1", "p2")) {
            for (int i = 0; i < 250; i++) {
                stored.rows.add(new ConversationRow(page + "_t" + i, page, "u" + i, "Customer " + i,
                        i == 7 ? "where is my parcel" : "hello", T0.plusSeconds(60L * i), 1, i % 5 == 0 ? 2 : 0,
                        Folder.INBOX, List.of(), null, null, null));
            }
        }
    }

    @Test
    void aPageShowsItsConversationsAndLaterWindowsLoadWhenAskedFor() {
        model.reload();
        assertEquals(0, model.rowsProperty().get().size(), "nothing until a Page is chosen");
        model.pageIdProperty().set("p1");
        ConversationWindows rows = model.rowsProperty().get();
        assertEquals(250, rows.size());
        assertEquals("250 conversations", model.statusProperty().get());
        assertEquals("p1_t249", rows.get(0).row().conversationId(), "newest first");
        assertEquals(1, stored.windowsAsked, "only the first window so far");
        assertEquals("p1_t0", rows.get(249).row().conversationId(), "the second window came when asked for");
        assertEquals(2, stored.windowsAsked);
        model.searchProperty().set("parcel");
        assertEquals("1 conversation", model.statusProperty().get());
        model.allPagesProperty().set(true);
        assertEquals(2, model.rowsProperty().get().size(), "one per Page");
    }

    @Test
    void tagsGoToTheSelectionAndTheTagFilterFindsThem() {
        model.pageIdProperty().set("p2");
        ConversationWindows rows = model.rowsProperty().get();
        model.tag(rows.loaded(List.of(rows.get(0), rows.get(1))), "  Wholesale ");
        assertEquals("Added to 2 conversations.", toasts.get(toasts.size() - 1).text());
        assertEquals(List.of("Wholesale"), model.knownTags(), "stored as normalized, and known after the reload");
        model.tagProperty().set("Wholesale");
        assertEquals(2, model.rowsProperty().get().size());
        model.tag(List.of(), "x");
        assertEquals(Toast.Kind.INFO, toasts.get(toasts.size() - 1).kind(), "nothing selected: say so");
    }

    @Test
    void aSearchCountedOnlyToItsCapSaysSoAndListsThatMany() {
        stored.countCap = 100;
        model.pageIdProperty().set("p1");
        model.searchProperty().set("hello");
        assertEquals("100+ conversations", model.statusProperty().get());
        assertEquals(100, model.rowsProperty().get().size(), "the list holds what was counted");
        model.searchProperty().set("parcel");
        assertEquals("1 conversation", model.statusProperty().get());
    }

    @Test
    void aStoreThatFailsIsASentenceInTheStatus() {
        stored.failWith = "the server stopped";
        model.pageIdProperty().set("p1");
        assertEquals("Could not load the conversations: the server stopped", model.statusProperty().get());
    }

    /** The three read interfaces over one list, filtering and sorting as the SQL does (the part the UI sees). */
    private static final class StoredConversations implements ConversationBrowsing, ConversationTagging,
            ConversationStream {
        final List<ConversationRow> rows = new ArrayList<>();
        int windowsAsked;
        String failWith;
        /** Like the store's FirstWindow.COUNT_CAP, smaller: a search counts no further. */
        int countCap = Integer.MAX_VALUE;

        private List<ConversationRow> matching(ConversationFilter f, ConversationSort sort) {
            if (failWith != null) {
                throw new IllegalStateException(failWith);
            }
            Comparator<ConversationRow> order = switch (sort.column()) {
                case SENDER -> Comparator.comparing(ConversationRow::senderName);
                case LAST_MESSAGE -> Comparator.comparing(ConversationRow::lastMessage);
                case TIME -> Comparator.comparing(ConversationRow::lastMessageTime);
                case MESSAGES -> Comparator.comparing(ConversationRow::messageCount);
                case UNREAD -> Comparator.comparing(ConversationRow::unreadCount);
            };
            order = sort.descending() ? order.reversed() : order;
            String search = f.search() == null ? null : f.search().toLowerCase(Locale.ROOT);
            return rows.stream()
                    .filter(r -> f.pageId() == null || r.pageId().equals(f.pageId()))
                    .filter(r -> f.tag() == null || r.tags().contains(f.tag()))
                    .filter(r -> !f.unreadOnly() || r.unreadCount() > 0)
                    .filter(r -> search == null || r.senderName().toLowerCase(Locale.ROOT).contains(search)
                            || r.lastMessage().toLowerCase(Locale.ROOT).contains(search))
                    .sorted(order.thenComparing(ConversationRow::conversationId))
                    .toList();
        }

        @Override
        public int count(ConversationFilter filter) {
            return matching(filter, ConversationSort.NEWEST_FIRST).size();
        }

        @Override
        public FirstWindow firstWindow(ConversationFilter filter, ConversationSort sort, int limit) {
            int count = count(filter);
            boolean capped = filter.search() != null && count > countCap;
            return new FirstWindow(capped ? countCap : count, capped, window(filter, sort, 0, limit));
        }

        @Override
        public List<ConversationRow> window(ConversationFilter filter, ConversationSort sort, int offset, int limit) {
            windowsAsked++;
            List<ConversationRow> all = matching(filter, sort);
            return all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
        }

        @Override
        public List<MessageRow> olderMessages(String conversationId, MessageRow newerThan, int limit) {
            return List.of();
        }

        @Override
        public int add(Collection<String> conversationIds, String tag) {
            return retag(conversationIds, ConversationTagging.normalize(tag), true);
        }

        @Override
        public int remove(Collection<String> conversationIds, String tag) {
            return retag(conversationIds, ConversationTagging.normalize(tag), false);
        }

        private int retag(Collection<String> ids, String tag, boolean add) {
            int changed = 0;
            for (int i = 0; i < rows.size(); i++) {
                ConversationRow r = rows.get(i);
                if (ids.contains(r.conversationId()) && r.tags().contains(tag) != add) {
                    List<String> tags = new ArrayList<>(r.tags());
                    if (add) {
                        tags.add(tag);
                    } else {
                        tags.remove(tag);
                    }
                    rows.set(i, new ConversationRow(r.conversationId(), r.pageId(), r.senderId(), r.senderName(),
                            r.lastMessage(), r.lastMessageTime(), r.messageCount(), r.unreadCount(), r.folder(), tags,
                            r.notes(), r.missingSince(), r.storedMessages()));
                    changed++;
                }
            }
            return changed;
        }

        @Override
        public List<String> inUse(String pageId) {
            TreeSet<String> tags = new TreeSet<>();
            rows.stream().filter(r -> pageId == null || r.pageId().equals(pageId)).forEach(r -> tags.addAll(r.tags()));
            return List.copyOf(tags);
        }

        @Override
        public List<MessageRow> messages(String conversationId) {
            return List.of();
        }

        @Override
        public void forEachConversation(ConversationFilter filter, BiConsumer<ConversationRow, List<MessageRow>> sink) {
            matching(filter, ConversationSort.NEWEST_FIRST).forEach(r -> sink.accept(r, List.of()));
        }
    }
}
