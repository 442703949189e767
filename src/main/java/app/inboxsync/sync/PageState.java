package app.inboxsync.sync;

import app.inboxsync.domain.Folder;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the engine needs to know about a stored Page before it syncs it.
 *
 * @param watermark            {@code last_synced_at}: newest updated_time of the last complete pass; null = next sync is full
 * @param folders              the folders this Page syncs by default
 * @param storedConversations  conversations stored for it (an estimate of the total for progress bars)
 */
public record PageState(String pageId, String name, Instant watermark, List<Folder> folders, long storedConversations) {
    public PageState {
        Objects.requireNonNull(pageId, "pageId");
        folders = folders == null || folders.isEmpty() ? Folder.ALL : List.copyOf(folders);
    }
}
