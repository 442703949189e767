package app.inboxsync.ui.media;

import app.inboxsync.app.Plural;
import app.inboxsync.media.MediaStatus;
import app.inboxsync.media.MediaSummary;
import app.inboxsync.media.Sizes;
import java.util.ArrayList;
import java.util.List;

/** The words of the Overview's media section: per Page, what is kept and what waits. */
final class MediaOverviewText {
    static final String NONE = "No attachments listed yet. Syncing a Page lists its attachments and downloads "
            + "their files.";

    /** Files wait between syncs, for a retry or for room in the quota: say when they come. */
    static final String PENDING_HINT = "Pending files are downloaded in the background after each sync from this "
            + "window (or by inbox-sync media fetch). A download that broke off is tried again later; when the media "
            + "quota in Settings is full, the rest waits for more room.";

    private MediaOverviewText() {
    }

    /** The line under the Pages: the empty state, the hint while files wait, or nothing. */
    static String state(List<MediaSummary> pages) {
        if (pages.isEmpty()) {
            return NONE;
        }
        return pages.stream().anyMatch(s -> s.count(MediaStatus.PENDING) > 0) ? PENDING_HINT : "";
    }

    /** e.g. "120 files stored (30.3 MB), 14 pending; 2 too large, 1 gone". */
    static String line(MediaSummary s) {
        String kept = Plural.of(s.count(MediaStatus.STORED), "file") + " stored (" + Sizes.of(s.storedBytes()) + "), "
                + s.count(MediaStatus.PENDING) + " pending";
        List<String> ended = new ArrayList<>();
        if (s.count(MediaStatus.TOO_LARGE) > 0) {
            ended.add(s.count(MediaStatus.TOO_LARGE) + " too large");
        }
        if (s.count(MediaStatus.GONE) > 0) {
            ended.add(s.count(MediaStatus.GONE) + " gone from Facebook");
        }
        if (s.count(MediaStatus.FAILED) > 0) {
            ended.add(s.count(MediaStatus.FAILED) + " failed");
        }
        return ended.isEmpty() ? kept : kept + "; " + String.join(", ", ended);
    }
}
