package app.inboxsync.read;

import java.time.Instant;

/**
 * What the contact panel says of a conversation beyond its list row, read when it is opened: its stored messages
 * (first and last, how many from each side) and its notes as they are now.
 *
 * @param firstMessage   the oldest stored message's time, null when none is stored
 * @param lastMessage    the newest stored message's time, null when none is stored
 * @param fromCustomer   stored messages the customer wrote
 * @param fromPage       stored messages the Page wrote
 * @param notesUpdatedAt when the notes were last written, null if never
 */
public record ContactFacts(Instant firstMessage, Instant lastMessage, int fromCustomer, int fromPage,
                           String notes, Instant notesUpdatedAt) {
    public int stored() {
        return fromCustomer + fromPage;
    }
}
