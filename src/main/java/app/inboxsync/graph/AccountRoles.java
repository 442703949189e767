package app.inboxsync.graph;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Whether a Page of {@code /me/accounts} can be synced with the user token that listed it. Reading a Page's
 * conversations takes a Page token from someone who can do the MESSAGING task on it (Graph's Page
 * conversations reference); without it every sync of the Page would be refused with error #230.
 */
final class AccountRoles {
    static final String MESSAGING = "MESSAGING";

    private AccountRoles() {
    }

    /** Null when the Page can be synced; otherwise why not, in words for the person importing. */
    static String whyUnusable(Wire.Account account) {
        if (account.accessToken() == null || account.accessToken().isBlank()) {
            return "Facebook gave no Page token for it: your role on this Page does not let apps act for it";
        }
        List<String> tasks = account.tasks();
        if (tasks == null || tasks.contains(MESSAGING)) {
            return null; // not told (an older Graph version, or the field refused): try, as before
        }
        String has = tasks.isEmpty() ? "no task" : tasks.stream().map(AccountRoles::words)
                .collect(Collectors.joining(", "));
        return "your role on this Page does not include messages (it allows: " + has
                + "); a Page admin can give you access to messages in the Page's settings";
    }

    /** "CREATE_CONTENT" reads "create content". */
    private static String words(String task) {
        return task.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
