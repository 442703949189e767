package app.inboxsync.domain;

import java.util.Objects;

/**
 * An access token. Its {@code toString} never shows the value, so a token that ends up in a log line,
 * an exception message or a debugger watch stays hidden; only {@link #reveal()} hands it out, and only
 * the code that puts it on the wire (or into the token vault) calls that.
 */
public final class Secret {
    private final String value;

    private Secret(String value) {
        this.value = value;
    }

    public static Secret of(String value) {
        Objects.requireNonNull(value, "token");
        String trimmed = value.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("The access token is empty.");
        }
        return new Secret(trimmed);
    }

    public String reveal() {
        return value;
    }

    /** Replaces every occurrence of this secret in {@code text} (for scrubbing third-party messages). */
    public String scrub(String text) {
        return text == null ? null : text.replace(value, "***");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return "Secret[***]";
    }
}
