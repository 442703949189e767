package app.inboxsync.read;

import java.util.Locale;

/** Whether Facebook still takes a Page's token ({@code facebook_pages.token_status}); only Reconnect mends INVALID. */
public enum TokenStatus {
    VALID, INVALID;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TokenStatus parse(String wireName) {
        return valueOf(wireName.strip().toUpperCase(Locale.ROOT));
    }
}
