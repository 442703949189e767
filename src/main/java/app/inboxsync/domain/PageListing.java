package app.inboxsync.domain;

import java.util.List;
import java.util.Objects;

/**
 * What a user token's {@code /me/accounts} gives: the Pages it can sync, each with its Page token, and the ones it
 * lists but cannot sync, each with the reason in words (no Page token, or a role without the messaging task).
 */
public record PageListing(List<PageGrant> grants, List<Unusable> unusable) {
    public PageListing {
        grants = List.copyOf(grants);
        unusable = List.copyOf(unusable);
    }

    /** A Page listed for the token that cannot be synced with it, and why. */
    public record Unusable(PageProfile page, String reason) {
        public Unusable {
            Objects.requireNonNull(page, "page");
            Objects.requireNonNull(reason, "reason");
        }
    }
}
