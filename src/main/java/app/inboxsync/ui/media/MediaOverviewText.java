package app.inboxsync.ui.media;

import app.inboxsync.app.Plural;
import app.inboxsync.media.MediaStatus;
import app.inboxsync.media.MediaSummary;
import app.inboxsync.media.Sizes;
import java.util.ArrayList;
import java.util.List;

/** The words of the Overview's media section: per Page, what is kept and what waits. */
final class MediaOverviewText {
    static final String NONE = "No attachments listed yet. They are listed and downloaded by "
            + "inbox-sync media fetch (or sync --with-media).";

    private MediaOverviewText() {
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
