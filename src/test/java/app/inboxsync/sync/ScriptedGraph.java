package app.inboxsync.sync;

import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Message;
import app.inboxsync.domain.PageListing;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.domain.Secret;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A {@link GraphGateway} answering from scripts: per folder a queue of listing pages (an empty folder when none is
 * left), per conversation a queue of message pages or failures. Records what it was asked.
 */
final class ScriptedGraph implements GraphGateway {
    static final String PAGE = "111";
    static final PageAccess ACCESS = new PageAccess(PAGE, Secret.of("EAAtest-token"));

    record Asked(Folder folder, int limit, int nested, Cursor after) { }

    final Map<Folder, Deque<Supplier<ConversationBatch>>> listings = new EnumMap<>(Folder.class);
    final Map<String, Deque<Supplier<MessageBatch>>> histories = new HashMap<>();
    final List<Asked> asked = new ArrayList<>();
    final List<String> messagesAsked = new ArrayList<>();
    final List<Cursor> cursorsAsked = new ArrayList<>();
    /** Called before each Graph call (e.g. to move a test clock). */
    Runnable onCall = () -> { };

    ScriptedGraph list(Folder folder, ConversationBatch page) {
        listings.computeIfAbsent(folder, f -> new ArrayDeque<>()).add(() -> page);
        return this;
    }

    ScriptedGraph failList(Folder folder, Supplier<RuntimeException> failure) {
        listings.computeIfAbsent(folder, f -> new ArrayDeque<>()).add(() -> {
            throw failure.get();
        });
        return this;
    }

    ScriptedGraph history(String conversationId, MessageBatch page) {
        histories.computeIfAbsent(conversationId, c -> new ArrayDeque<>()).add(() -> page);
        return this;
    }

    ScriptedGraph failHistory(String conversationId, Supplier<RuntimeException> failure) {
        histories.computeIfAbsent(conversationId, c -> new ArrayDeque<>()).add(() -> {
            throw failure.get();
        });
        return this;
    }

    @Override
    public ConversationBatch conversations(PageAccess page, Folder folder, int limit, int nestedMessages, Cursor after) {
        onCall.run();
        return listed(folder, limit, nestedMessages, after);
    }

    private synchronized ConversationBatch listed(Folder folder, int limit, int nestedMessages, Cursor after) {
        asked.add(new Asked(folder, limit, nestedMessages, after));
        Deque<Supplier<ConversationBatch>> q = listings.get(folder);
        return q == null || q.isEmpty() ? new ConversationBatch(List.of(), null, 1) : q.removeFirst().get();
    }

    @Override
    public MessageBatch messages(PageAccess page, String conversationId, Cursor next) {
        onCall.run();
        messagesAsked.add(conversationId);
        cursorsAsked.add(next);
        Deque<Supplier<MessageBatch>> q = histories.get(conversationId);
        if (q == null || q.isEmpty()) {
            throw new AssertionError("no history scripted for " + conversationId);
        }
        return q.removeFirst().get();
    }

    @Override
    public PageProfile identifyPage(Secret pageToken) {
        return new PageProfile(PAGE, "Shop", "Shopping");
    }

    @Override
    public PageListing listPages(Secret userToken) {
        return new PageListing(List.of(), List.of());
    }

    static Conversation conversation(String id, Folder folder, Instant updated, Integer messageCount) {
        return new Conversation(id, PAGE, folder, "9", "Ann", "hi", updated, messageCount, 0, true, null, null);
    }

    static Message message(String conversation, String id, Instant created) {
        return new Message(id, conversation, PAGE, "9", "Ann", false, "text " + id, created, null, false);
    }

    /** Graph's detail limit: the id and nothing else. */
    static Message bare(String conversation, String id, Instant created) {
        return new Message(id, conversation, PAGE, null, null, false, null, created, null, true);
    }

    static Cursor cursor(String name) {
        return Cursor.ofNullable("https://graph.test/" + name);
    }

    static FetchedConversation fetched(Conversation c, Cursor more, Message... nested) {
        return new FetchedConversation(c, List.of(nested), more);
    }

    static ConversationBatch page(Cursor next, FetchedConversation... conversations) {
        return new ConversationBatch(List.of(conversations), next, 1);
    }
}
