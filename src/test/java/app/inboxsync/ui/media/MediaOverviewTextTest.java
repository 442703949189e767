package app.inboxsync.ui.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.inboxsync.media.MediaStatus;
import app.inboxsync.media.MediaSummary;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MediaOverviewTextTest {
    @Test
    void theWordsCountRightAndNameOnlyWhatHappened() {
        assertEquals("1 file stored (2.0 KB), 0 pending",
                MediaOverviewText.line(new MediaSummary("p", Map.of(MediaStatus.STORED, 1L), 2048)));
        assertEquals("2 files stored (0 B), 3 pending; 1 too large, 4 gone from Facebook, 5 failed",
                MediaOverviewText.line(new MediaSummary("p", Map.of(MediaStatus.STORED, 2L, MediaStatus.PENDING, 3L,
                        MediaStatus.TOO_LARGE, 1L, MediaStatus.GONE, 4L, MediaStatus.FAILED, 5L), 0)));
    }
}
