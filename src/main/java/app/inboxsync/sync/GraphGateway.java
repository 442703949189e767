package app.inboxsync.sync;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.PageListing;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.domain.Secret;
import java.util.List;

/**
 * The Graph API as the sync engine sees it. Implementations page, throttle (per Page), retry transient
 * failures and rate limits by themselves, and throw {@link GraphException} for what they cannot recover.
 * Every method may be called from several threads at once (one per Page in a sync of all pages).
 */
public interface GraphGateway {

    /** The largest {@code limit} a conversations or messages request may ask for. */
    int MAX_LIMIT = 100;

    /**
     * A page of {@code folder}'s conversations, newest first, each with up to {@code nestedMessages} of
     * its newest messages. {@code after} is null for the first page, else a cursor this gateway returned.
     */
    ConversationBatch conversations(PageAccess page, Folder folder, int limit, int nestedMessages, Cursor after);

    /** The next page of one conversation's messages, from a cursor this gateway returned. */
    MessageBatch messages(PageAccess page, String conversationId, Cursor next);

    /** Identifies the Page a Page token belongs to ({@code GET /me}). */
    PageProfile identifyPage(Secret pageToken);

    /** Every Page a user token administers, with their Page tokens (all pages of {@code /me/accounts}). */
    PageListing listPages(Secret userToken);
}
