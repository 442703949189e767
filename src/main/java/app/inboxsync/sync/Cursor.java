package app.inboxsync.sync;

import java.util.Objects;

/**
 * Where the next page of a Graph listing starts: the {@code paging.next} URL exactly as Graph gave it.
 * It may carry the access token, so {@code toString} hides it; cursors expire and are never persisted.
 */
public final class Cursor {
    private final String nextUrl;

    private Cursor(String nextUrl) {
        this.nextUrl = nextUrl;
    }

    /** Returns null for a null or blank URL: the end of a listing is a missing {@code next}. */
    public static Cursor ofNullable(String nextUrl) {
        return nextUrl == null || nextUrl.isBlank() ? null : new Cursor(nextUrl);
    }

    public String nextUrl() {
        return nextUrl;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Cursor c && c.nextUrl.equals(nextUrl);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nextUrl);
    }

    @Override
    public String toString() {
        return "Cursor[…]";
    }
}
