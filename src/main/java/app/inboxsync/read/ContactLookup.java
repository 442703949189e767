package app.inboxsync.read;

import java.util.Optional;

/** The contact panel's read: what is known of one conversation's customer. */
public interface ContactLookup {
    /** Empty when the conversation is not stored (any more). */
    Optional<ContactFacts> facts(String conversationId);
}
