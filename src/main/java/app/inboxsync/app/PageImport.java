package app.inboxsync.app;

import app.inboxsync.domain.PageListing;
import app.inboxsync.domain.PageProfile;
import java.util.List;

/**
 * What importing a user token's Pages did: the Pages added (or refreshed), the ones it lists but cannot sync
 * (with why), and how many syncable ones were left out because they were not chosen.
 */
public record PageImport(List<PageProfile> added, List<PageListing.Unusable> unusable, int notChosen) {
    public PageImport {
        added = List.copyOf(added);
        unusable = List.copyOf(unusable);
    }
}
