package app.inboxsync.cli;

import app.inboxsync.app.AppContext;
import app.inboxsync.app.MediaService;
import app.inboxsync.media.FetchTally;
import app.inboxsync.media.MediaAfterBatches;
import app.inboxsync.media.MediaSettings;
import app.inboxsync.media.Sizes;
import app.inboxsync.sync.SyncListener;
import app.inboxsync.sync.SyncRequest;
import app.inboxsync.sync.SyncResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.function.Function;

/**
 * {@code sync --with-media}: media downloads start after each written batch on their own pool, so the sync does
 * not wait for them; when the sync is done, what is left is fetched before the command ends.
 */
final class SyncWithMedia {
    private SyncWithMedia() {
    }

    /** @param syncing runs the sync with the listener it is given (this one's and the media downloads' together) */
    static List<SyncResult> sync(AppContext app, Function<SyncListener, List<SyncResult>> syncing,
            List<SyncRequest> requests, SyncListener listener, MediaSettings settings, PrintWriter out) {
        try (MediaService media = MediaService.of(app, settings); MediaAfterBatches after = media.afterBatches()) {
            SyncListener both = event -> {
                listener.on(event);
                after.on(event);
            };
            List<SyncResult> results = syncing.apply(both);
            try {
                after.finish(java.time.Duration.ofMinutes(60));
                FetchTally.Snapshot rest = new FetchTally.Snapshot(0, 0, 0, 0, 0, 0, 0, 0, 0, false);
                for (SyncRequest r : requests) {
                    FetchTally.Snapshot s = media.fetch(r.access().pageId(), new FetchTally());
                    rest = new FetchTally.Snapshot(0, rest.stored() + s.stored(), 0, rest.bytes() + s.bytes(), 0, 0, 0, 0, 0,
                            rest.quotaReached() || s.quotaReached());
                }
                FetchTally.Snapshot bg = after.tally();
                if (out != null) {
                    out.printf("Media: %d new files stored (%s)%s. See: inbox-sync media status%n", bg.stored() + rest.stored(),
                            Sizes.of(bg.bytes() + rest.bytes()), bg.quotaReached() || rest.quotaReached()
                                    ? "; the media quota is full, the rest stays pending" : "");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return results;
        }
    }
}
