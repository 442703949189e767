package app.inboxsync.media;

import java.util.Map;

/** Counts per status and bytes stored, for one Page. */
public record MediaSummary(String pageId, Map<MediaStatus, Long> counts, long storedBytes) {
    public MediaSummary {
        counts = Map.copyOf(counts);
    }

    public long count(MediaStatus s) {
        return counts.getOrDefault(s, 0L);
    }
}
