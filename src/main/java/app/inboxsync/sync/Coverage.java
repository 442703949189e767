package app.inboxsync.sync;

/**
 * What the copy of one Page holds, counted in the database: the figures people judge a sync by.
 *
 * @param pendingHistories  conversations whose older messages a later pass still has to fetch
 * @param withheldHistories conversations whose older messages Facebook keeps out of reach
 */
public record Coverage(long conversations, long messages, long pendingHistories, long withheldHistories) {
    public static final Coverage NONE = new Coverage(0, 0, 0, 0);

    /** Conversations whose whole history is stored (neither pending nor withheld). */
    public long completeHistories() {
        return Math.max(0, conversations - pendingHistories - withheldHistories);
    }
}
