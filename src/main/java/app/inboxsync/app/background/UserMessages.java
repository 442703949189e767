package app.inboxsync.app.background;

/** Turns a failure into one sentence a Page admin can act on; never a stack trace or a class name. */
public final class UserMessages {
    private UserMessages() {
    }

    /** "Could not load the conversations: the database is not reachable (…)". */
    public static String couldNot(String what, Throwable error) {
        return "Could not " + what + ": " + reason(error);
    }

    public static String reason(Throwable error) {
        Throwable t = error;
        // the most specific message: wrappers (RuntimeException(cause)) repeat their cause's class name
        while (t.getCause() != null && (t.getMessage() == null || t.getMessage().equals(t.getCause().toString()))) {
            t = t.getCause();
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return "an unexpected error (" + t.getClass().getSimpleName() + "). The log has the details.";
        }
        return message;
    }
}
