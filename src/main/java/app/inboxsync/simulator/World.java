package app.inboxsync.simulator;

import app.inboxsync.simulator.StoredConversation.ListingKey;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * The simulated Facebook: Pages, their conversations in folders, and the ordered listings Graph pages
 * through. Conversation metadata is held compactly; message content is recomputed by {@link MessageFactory}.
 * Reads take a read lock only to pick conversations; the picked (immutable) snapshots are then rendered
 * without any lock.
 */
final class World {

    static final List<String> FOLDERS = List.of("inbox", "other", "page_done", "spam");
    /** Generated history ends here; everything added later is stamped with the (monotonic) wall clock. */
    static final long HISTORY_END = LocalDate.of(2026, 1, 1).atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    private static final long HISTORY_SPAN = 2L * 365 * 24 * 3600;

    final Ids ids;
    final List<SimPage> pages;
    final MessageFactory messages;
    /** Older history kept out of reach, when a test or demo asks for it. */
    final Withholding withholding = new Withholding();
    final PageRoles roles = new PageRoles();
    /** The CDN that serves the attachments' files, and how its links expire. */
    final CdnLinks cdn = new CdnLinks();
    private final SimulatorConfig config;
    private final Map<String, Integer> pageIndexById = new HashMap<>();
    private final Map<String, Integer> pageIndexByToken = new HashMap<>();
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final List<Map<String, NavigableSet<ListingKey>>> listings = new ArrayList<>();
    private StoredConversation[] conversations;
    private int size;
    private final AtomicLong clock = new AtomicLong(HISTORY_END);

    World(SimulatorConfig config) {
        this.config = config;
        this.ids = new Ids(config.seed());
        List<SimPage> built = new ArrayList<>();
        for (int p = 0; p < config.pages(); p++) {
            String name = SampleTexts.PAGE_NAMES.get(p % SampleTexts.PAGE_NAMES.size())
                    + (p >= SampleTexts.PAGE_NAMES.size() ? " " + (p / SampleTexts.PAGE_NAMES.size() + 1) : "");
            SimPage page = new SimPage(ids.pageId(p), name,
                    SampleTexts.CATEGORIES.get(p % SampleTexts.CATEGORIES.size()), ids.pageToken(p));
            built.add(page);
            pageIndexById.put(page.id(), p);
            pageIndexByToken.put(page.token(), p);
            Map<String, NavigableSet<ListingKey>> byFolder = new HashMap<>();
            FOLDERS.forEach(f -> byFolder.put(f, new TreeSet<>()));
            listings.add(byFolder);
        }
        this.pages = List.copyOf(built);
        this.messages = new MessageFactory(config.seed(), ids, pages);
        int total = config.pages() * config.conversationsPerPage();
        conversations = new StoredConversation[Math.max(16, total + total / 8)];
        for (int p = 0; p < config.pages(); p++) {
            for (int i = 0; i < config.conversationsPerPage(); i++) {
                store(generate(size, p, i));
            }
        }
    }

    int pageIndex(String pageId) {
        return pageId == null ? -1 : pageIndexById.getOrDefault(pageId, -1);
    }

    int pageOfToken(String token) {
        return token == null ? -1 : pageIndexByToken.getOrDefault(token, -1);
    }

    /** The conversation with this id, null when unknown or deleted. */
    StoredConversation conversation(String id) {
        int number = ids.conversationNumber(id);
        return read(() -> number < 0 || number >= size || conversations[number].deleted() ? null : conversations[number]);
    }

    /** Up to {@code max} conversations of a folder listed after {@code after} (null: from the top). */
    List<StoredConversation> listing(int page, String folder, ListingKey after, int max) {
        return read(() -> {
            NavigableSet<ListingKey> keys = listings.get(page).get(folder);
            List<StoredConversation> out = new ArrayList<>(Math.min(max, 128));
            for (ListingKey key : after == null ? keys : keys.tailSet(after, false)) {
                if (out.size() == max) {
                    break;
                }
                out.add(conversations[key.number()]);
            }
            return out;
        });
    }

    /** Every live conversation of a page in all folders, newest first. */
    List<StoredConversation> allOf(int page) {
        return read(() -> {
            TreeSet<ListingKey> merged = new TreeSet<>();
            listings.get(page).values().forEach(merged::addAll);
            return merged.stream().map(k -> conversations[k.number()]).toList();
        });
    }

    SimConversation describe(StoredConversation c) {
        List<SimMessage> newest = messages.newestFirst(c, 0, 1);
        String text = newest.isEmpty() || newest.get(0).text() == null ? "" : newest.get(0).text();
        String snippet = text.codePointCount(0, text.length()) <= 100 ? text
                : text.substring(0, text.offsetByCodePoints(0, 100));
        return new SimConversation(ids.conversationId(c.number()), pages.get(c.page()).id(), c.folder(),
                Instant.ofEpochSecond(c.updatedTime()), ids.customerId(c.number()), messages.customerName(c), snippet,
                c.messageCount(), c.unread(), !c.customerDeleted(), link(c));
    }

    String link(StoredConversation c) {
        String slug = pages.get(c.page()).name().replaceAll("[^A-Za-z0-9]", "");
        return "/" + slug + "/inbox/" + (c.idNumber() % 1_000_000_000_000L) + "/?section=messages";
    }

    SimMessage addMessage(String conversationId, boolean fromCustomer, String text) {
        return write(() -> {
            StoredConversation c = requireLive(conversationId);
            SimPage page = pages.get(c.page());
            String customerId = ids.customerId(c.number());
            SimMessage m = new SimMessage(ids.messageId(c.number(), c.messageCount()), conversationId,
                    Instant.ofEpochSecond(nextTime()), fromCustomer ? customerId : page.id(),
                    fromCustomer ? messages.customerName(c) : page.name(),
                    List.of(fromCustomer ? page.id() : customerId), text, null, null, null, false);
            replace(c, c.withMessage(m, fromCustomer));
            return m;
        });
    }

    SimConversation addConversation(String pageId, String folder, int messageCount) {
        int page = pageIndex(pageId);
        if (page < 0) {
            throw new IllegalArgumentException("unknown page id " + pageId);
        }
        requireFolder(folder);
        if (messageCount < 1) {
            throw new IllegalArgumentException("a conversation needs at least 1 message, was " + messageCount);
        }
        return write(() -> {
            SplittableRandom r = randomFor(size);
            int customer = r.nextInt(SampleTexts.CUSTOMER_NAMES.size());
            StoredConversation c = withUnread(new StoredConversation(size, page, messageCount, nextTime(),
                    5 + r.nextInt(55), 0, customer, r.nextBoolean(), ids.conversationIdNumber(size), folder, 0, 0,
                    List.of(), false), r);
            store(c);
            return describe(c);
        });
    }

    void moveToFolder(String conversationId, String folder) {
        requireFolder(folder);
        write(() -> replace(requireLive(conversationId), requireLive(conversationId).inFolder(folder)));
    }

    void delete(String conversationId) {
        write(() -> replace(requireLive(conversationId), requireLive(conversationId).asDeleted()));
    }

    /** Epoch seconds strictly later than every time handed out before, never behind the wall clock. */
    private long nextTime() {
        return clock.updateAndGet(last -> Math.max(last + 1, Instant.now().getEpochSecond()));
    }

    private StoredConversation generate(int number, int page, int indexInPage) {
        SplittableRandom r = randomFor(number);
        String folder = indexInPage < FOLDERS.size() ? FOLDERS.get(indexInPage) : randomFolder(r.nextDouble());
        int count = MessageCounts.draw(r, config.averageMessages(), config.longConversationShare(),
                config.hugeConversationShare());
        int unavailable = r.nextDouble() < 0.05 ? Math.min(count - 1, 1 + r.nextInt(count > 100 ? 30 : 3)) : 0;
        double who = r.nextDouble();
        int customer = who < 0.03 ? StoredConversation.DELETED_NAMED
                : who < 0.05 ? StoredConversation.DELETED_NAMELESS : r.nextInt(SampleTexts.CUSTOMER_NAMES.size());
        long newest = HISTORY_END - 3600 - r.nextLong(HISTORY_SPAN);
        return withUnread(new StoredConversation(number, page, count, newest, 30 + r.nextInt(6 * 3600), unavailable,
                customer, r.nextBoolean(), ids.conversationIdNumber(number), folder, newest, 0, List.of(), false), r);
    }

    private StoredConversation withUnread(StoredConversation c, SplittableRandom r) {
        int unread = messages.isFromCustomer(c.number(), c.baseCount() - 1) ? 1 + r.nextInt(Math.min(3, c.baseCount())) : 0;
        return new StoredConversation(c.number(), c.page(), c.baseCount(), c.newestBaseTime(), c.gapSeconds(),
                c.unavailableOldest(), c.customerKind(), c.pageListedFirst(), c.idNumber(), c.folder(),
                c.newestBaseTime(), unread, c.added(), c.deleted());
    }

    private static String randomFolder(double roll) {
        return roll < 0.70 ? "inbox" : roll < 0.85 ? "page_done" : roll < 0.95 ? "other" : "spam";
    }

    private SplittableRandom randomFor(int number) {
        return new SplittableRandom(Ids.mix(config.seed() ^ Ids.mix(number + 0xC0FFEEL)));
    }

    private void store(StoredConversation c) {
        if (size == conversations.length) {
            conversations = Arrays.copyOf(conversations, size * 2);
        }
        conversations[size++] = c;
        listings.get(c.page()).get(c.folder()).add(c.key());
    }

    private void replace(StoredConversation old, StoredConversation updated) {
        listings.get(old.page()).get(old.folder()).remove(old.key());
        conversations[old.number()] = updated;
        if (!updated.deleted()) {
            listings.get(updated.page()).get(updated.folder()).add(updated.key());
        }
    }

    private StoredConversation requireLive(String conversationId) {
        int number = ids.conversationNumber(conversationId);
        if (number < 0 || number >= size || conversations[number].deleted()) {
            throw new IllegalArgumentException("no such (live) conversation: " + conversationId);
        }
        return conversations[number];
    }

    private static void requireFolder(String folder) {
        if (!FOLDERS.contains(folder)) {
            throw new IllegalArgumentException("folder must be one of " + FOLDERS + ", was " + folder);
        }
    }

    private <T> T read(Supplier<T> action) {
        lock.readLock().lock();
        try {
            return action.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void write(Runnable action) {
        write(() -> {
            action.run();
            return null;
        });
    }

    private <T> T write(Supplier<T> action) {
        lock.writeLock().lock();
        try {
            return action.get();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
