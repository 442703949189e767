package app.inboxsync.store;

/**
 * A database failure, with a message for people: what went wrong and what to change. Messages never
 * contain a password or a token.
 */
public final class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
