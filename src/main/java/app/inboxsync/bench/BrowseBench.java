package app.inboxsync.bench;

import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Message;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationSort;
import app.inboxsync.store.read.ConversationBrowseQueries;
import app.inboxsync.store.read.ConversationTags;
import app.inboxsync.store.read.PageRepository;
import app.inboxsync.store.server.Database;
import app.inboxsync.store.write.PostgresInboxStore;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The offline browser on a big Page: fills 100,000 conversations (5 messages each) through the sync's own bulk
 * writes, then times what the Conversations tab asks the database for. Each figure is the median of 5 runs.
 */
final class BrowseBench {
    private static final String PAGE = "bench-browse";
    private static final int WINDOW = 200;
    private static final int MESSAGES_EACH = 5;
    private static final String[] WORDS = ("hello price delivery order size colour blue red dress shoes refund "
            + "thanks tomorrow today available stock shipping address invoice photo please when where how much "
            + "discount coupon return exchange week monday friday store open close call number paid card cash")
            .split(" ");
    private static final String[] NAMES = "Anna Ben Carla Dmitri Emma Farid Gita Hugo Ines Jonas Kemal Lena Mario Noor Olga Pavel"
            .split(" ");
    private final Database database;
    private final PrintWriter out;
    private final int conversations;

    BrowseBench(Database database, PrintWriter out, int conversations) {
        this.database = database;
        this.out = out;
        this.conversations = conversations;
    }

    void run() {
        long fillStart = System.nanoTime();
        fill();
        out.printf("browse: filled %,d conversations, %,d messages in %.1f s%n", conversations,
                (long) conversations * MESSAGES_EACH, (System.nanoTime() - fillStart) / 1e9);
        settle();
        ConversationBrowseQueries q = new ConversationBrowseQueries(database);
        ConversationFilter page = ConversationFilter.page(PAGE);
        ConversationSort bySender = new ConversationSort(ConversationSort.Column.SENDER, false);
        List<String> tagged = new ArrayList<>();
        for (int i = 0; i < conversations; i += 100) {
            tagged.add(id(i));
        }
        new ConversationTags(database).add(tagged, "vip");
        int deep = Math.max(0, conversations - WINDOW);
        out.printf("%-44s %9s%n", "BROWSE (" + conversations + " conversations)", "MEDIAN ms");
        time("count", () -> q.count(page));
        time("first window (200, newest first)", () -> q.window(page, ConversationSort.NEWEST_FIRST, 0, WINDOW));
        time("deep window (offset " + deep + ")", () -> q.window(page, ConversationSort.NEWEST_FIRST, deep, WINDOW));
        time("sorted by sender, first window", () -> q.window(page, bySender, 0, WINDOW));
        time("sorted by sender, middle window", () -> q.window(page, bySender, conversations / 2, WINDOW));
        ConversationSort bySnippet = new ConversationSort(ConversationSort.Column.LAST_MESSAGE, true);
        time("sorted by last message (Z-A), middle window", () -> q.window(page, bySnippet, conversations / 2, WINDOW));
        time("search, rare word: count + first window", () -> searchOnce(q, page.withSearch("zebrafinch")));
        time("search, common word: count + first window", () -> searchOnce(q, page.withSearch("refund")));
        time("search, two words: count + first window", () -> searchOnce(q, page.withSearch("blue dress")));
        time("search, common word: window at 5,000", () -> q.window(page.withSearch("refund"), ConversationSort.NEWEST_FIRST,
                5_000, WINDOW));
        time("search, common word: window at 50,000", () -> q.window(page.withSearch("refund"), ConversationSort.NEWEST_FIRST,
                50_000, WINDOW));
        time("search, common word, sorted by sender", () -> q.window(page.withSearch("refund"), bySender, 0, WINDOW));
        time("search, common word + unread: count + first", () -> searchOnce(q, page.withSearch("refund").withUnreadOnly(true)));
        time("tag filter (1%): count + first window", () -> searchOnce(q, page.withTag("vip")));
        out.flush();
    }

    /**
     * Vacuums and analyzes as autovacuum does soon after a big sync, so the figures are the steady state. The
     * words too: each row of them was written twice (by its conversation, then by its messages), and a search
     * walks their time index.
     */
    private void settle() {
        try (Connection c = database.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("VACUUM ANALYZE messenger_conversations, messenger_messages, conversation_words");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not vacuum the bench database: " + e.getMessage(), e);
        }
    }

    private static int searchOnce(ConversationBrowseQueries q, ConversationFilter filter) {
        return q.firstWindow(filter, ConversationSort.NEWEST_FIRST, WINDOW).rows().size();
    }

    private void time(String what, Supplier<Object> query) {
        double[] ms = new double[5];
        query.get(); // warm the cache and the plan once
        for (int i = 0; i < ms.length; i++) {
            long start = System.nanoTime();
            query.get();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        out.printf("%-44s %9.1f%n", what, ms[ms.length / 2]);
    }

    private void fill() {
        new PageRepository(database).savePage(new PageProfile(PAGE, "Browse bench", "Shop"));
        PostgresInboxStore store = new PostgresInboxStore(database);
        Random random = new Random(11);
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        for (int start = 0; start < conversations; start += 1000) {
            List<Conversation> batch = new ArrayList<>();
            List<Message> messages = new ArrayList<>();
            for (int i = start; i < Math.min(conversations, start + 1000); i++) {
                String name = NAMES[random.nextInt(NAMES.length)] + " " + NAMES[random.nextInt(NAMES.length)] + " " + i;
                Instant last = t0.plusSeconds(600L * i);
                String text = "";
                for (int m = 0; m < MESSAGES_EACH; m++) {
                    text = i == conversations / 3 && m == 0 ? "is the zebrafinch print back" : sentence(random);
                    messages.add(new Message("m_" + i + "_" + m, id(i), PAGE, m % 2 == 0 ? "psid" + i : PAGE, name,
                            m % 2 == 1, text, last.minusSeconds(60L * (MESSAGES_EACH - m)), null, false));
                }
                batch.add(new Conversation(id(i), PAGE, Folder.INBOX, "psid" + i, name, text, last, MESSAGES_EACH,
                        random.nextInt(10) == 0 ? 1 : 0, true, null, null));
            }
            store.writeBatch(PAGE, batch, messages);
        }
    }

    private static String sentence(Random random) {
        StringBuilder s = new StringBuilder();
        for (int w = 6 + random.nextInt(8); w > 0; w--) {
            s.append(WORDS[random.nextInt(WORDS.length)]).append(w == 1 ? "?" : " ");
        }
        return s.toString();
    }

    private static String id(int i) {
        return "t_browse_" + i;
    }
}
