package app.inboxsync.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * One conversation as the world keeps it: the few numbers its generated messages are derived from, plus
 * its current state. Immutable; a mutation stores a changed copy, so a reader holding one sees a
 * consistent conversation while a sync runs against a changing world.
 *
 * @param number global conversation number (ids are derived from it)
 * @param baseCount generated messages; their content is recomputed on demand, never stored
 * @param newestBaseTime epoch second of the newest generated message
 * @param gapSeconds average distance between generated messages
 * @param unavailableOldest how many of the oldest messages come back without details
 * @param customerKind an index into the customer names, or {@link #DELETED_NAMED} / {@link #DELETED_NAMELESS}
 * @param pageListedFirst whether the Page comes before the customer in {@code participants}
 * @param idNumber the numeric part of the {@code t_…} id, the tie breaker of the listing order
 * @param added messages added after generation, oldest first
 */
record StoredConversation(int number, int page, int baseCount, long newestBaseTime, int gapSeconds,
        int unavailableOldest, int customerKind, boolean pageListedFirst, long idNumber, String folder,
        long updatedTime, int unread, List<SimMessage> added, boolean deleted) {

    static final int DELETED_NAMED = -1;
    static final int DELETED_NAMELESS = -2;

    int messageCount() {
        return baseCount + added.size();
    }

    boolean customerDeleted() {
        return customerKind < 0;
    }

    ListingKey key() {
        return new ListingKey(updatedTime, idNumber, number);
    }

    StoredConversation withMessage(SimMessage message, boolean fromCustomer) {
        List<SimMessage> more = new ArrayList<>(added.size() + 1);
        more.addAll(added);
        more.add(message);
        int newUnread = fromCustomer ? unread + 1 : 0; // a Page reply means the Page has read the thread
        return new StoredConversation(number, page, baseCount, newestBaseTime, gapSeconds, unavailableOldest,
                customerKind, pageListedFirst, idNumber, folder, message.createdTime().getEpochSecond(), newUnread,
                List.copyOf(more), deleted);
    }

    StoredConversation inFolder(String newFolder) {
        return new StoredConversation(number, page, baseCount, newestBaseTime, gapSeconds, unavailableOldest,
                customerKind, pageListedFirst, idNumber, newFolder, updatedTime, unread, added, deleted);
    }

    StoredConversation asDeleted() {
        return new StoredConversation(number, page, baseCount, newestBaseTime, gapSeconds, unavailableOldest,
                customerKind, pageListedFirst, idNumber, folder, updatedTime, unread, added, true);
    }

    /** Listing order: newest {@code updated_time} first, ties by id descending, as Graph lists them. */
    record ListingKey(long updatedTime, long idNumber, int number) implements Comparable<ListingKey> {
        @Override
        public int compareTo(ListingKey o) {
            int byTime = Long.compare(o.updatedTime, updatedTime);
            return byTime != 0 ? byTime : Long.compare(o.idNumber, idNumber);
        }
    }
}
