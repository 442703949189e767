package app.inboxsync.domain;

import java.util.Objects;

/** One Page of a user's {@code /me/accounts} listing, with the Page token it grants. */
public record PageGrant(PageProfile page, Secret pageToken) {
    public PageGrant {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(pageToken, "pageToken");
    }
}
