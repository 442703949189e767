package app.inboxsync.sync;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Message;
import app.inboxsync.domain.PageListing;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.domain.Secret;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The gateway as one pass sees it, with a {@link PagingTrail} on every listing it walks: each folder's
 * conversations, and each conversation's messages from the nested newest ones on. A listing that repeats
 * itself fails the pass with a sentence (and the calls it cost) instead of looping forever. A conversation
 * Facebook lists in a second folder is passed on once, with the first folder that listed it: written with each
 * folder in turn, it would be rewritten ("updated") by every sync that changes nothing. One per pass.
 */
final class RepeatGuard implements GraphGateway {
    private final GraphGateway graph;
    private final Map<Folder, PagingTrail> folders = new ConcurrentHashMap<>();
    private final Map<String, PagingTrail> threads = new ConcurrentHashMap<>();
    private final Map<String, Folder> listedIn = new ConcurrentHashMap<>();

    RepeatGuard(GraphGateway graph) {
        this.graph = graph;
    }

    @Override
    public ConversationBatch conversations(PageAccess page, Folder folder, int limit, int nestedMessages,
            Cursor after) {
        PagingTrail trail = after == null ? null : folders.get(folder);
        if (trail == null) {
            trail = new PagingTrail("the " + folder.wireName() + " conversations of Page " + page.pageId());
            folders.put(folder, trail);
        }
        trail.follow(after);
        ConversationBatch batch = graph.conversations(page, folder, limit, nestedMessages, after);
        try {
            trail.read(batch.conversations().stream().map(f -> f.conversation().id()).toList());
        } catch (GraphException e) {
            throw e.withHttpCalls(batch.httpCalls());
        }
        List<FetchedConversation> once = batch.conversations().stream()
                .filter(f -> listedIn.computeIfAbsent(f.conversation().id(), id -> folder) == folder).toList();
        for (FetchedConversation f : once) {
            String id = f.conversation().id();
            if (f.moreMessages() == null) {
                threads.remove(id);
            } else {
                PagingTrail messages = messagesTrail(page, id);
                messages.read(ids(f.messages()));
                threads.put(id, messages);
            }
        }
        return once.size() == batch.conversations().size() ? batch
                : new ConversationBatch(once, batch.next(), batch.httpCalls());
    }

    @Override
    public MessageBatch messages(PageAccess page, String conversationId, Cursor next) {
        PagingTrail trail = next == null ? null : threads.get(conversationId);
        if (trail == null) {
            trail = messagesTrail(page, conversationId);
            threads.put(conversationId, trail);
        }
        trail.follow(next);
        MessageBatch batch = graph.messages(page, conversationId, next);
        try {
            trail.read(ids(batch.messages()));
        } catch (GraphException e) {
            throw e.withHttpCalls(batch.httpCalls());
        }
        if (batch.next() == null) {
            threads.remove(conversationId);
        }
        return batch;
    }

    @Override
    public PageProfile identifyPage(Secret pageToken) {
        return graph.identifyPage(pageToken);
    }

    @Override
    public PageListing listPages(Secret userToken) {
        return graph.listPages(userToken);
    }

    private static PagingTrail messagesTrail(PageAccess page, String conversationId) {
        return new PagingTrail("the messages of conversation " + conversationId + " of Page " + page.pageId());
    }

    private static List<String> ids(List<Message> messages) {
        return messages.stream().map(Message::id).toList();
    }
}
