package app.inboxsync.sync;

/**
 * What one batch write changed, counted by the same statement that wrote it.
 * Unchanged rows were seen but already equal to what is stored.
 */
public record BatchWrite(
        int conversationsInserted,
        int conversationsUpdated,
        int conversationsUnchanged,
        int messagesInserted,
        int messagesUpdated) {

    public static final BatchWrite NONE = new BatchWrite(0, 0, 0, 0, 0);

    public BatchWrite plus(BatchWrite o) {
        return new BatchWrite(
                conversationsInserted + o.conversationsInserted,
                conversationsUpdated + o.conversationsUpdated,
                conversationsUnchanged + o.conversationsUnchanged,
                messagesInserted + o.messagesInserted,
                messagesUpdated + o.messagesUpdated);
    }

    public int conversationsTouched() {
        return conversationsInserted + conversationsUpdated;
    }
}
