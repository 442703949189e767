package app.inboxsync.sync;

import java.util.List;

/**
 * One Graph page of conversations, newest {@code updated_time} first as Graph returned them.
 *
 * @param next      the next page, null at the end of the listing
 * @param httpCalls HTTP requests this page cost, retries included (for the run's api_calls)
 */
public record ConversationBatch(List<FetchedConversation> conversations, Cursor next, int httpCalls) {
    public ConversationBatch {
        conversations = List.copyOf(conversations);
    }
}
