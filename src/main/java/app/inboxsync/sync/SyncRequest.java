package app.inboxsync.sync;

import app.inboxsync.domain.Folder;
import java.util.List;
import java.util.Objects;

/**
 * One Page to sync.
 *
 * @param folders   the folders to walk, or null for the Page's own list
 * @param forceFull walk everything even when a watermark exists ({@code --full})
 */
public record SyncRequest(PageAccess access, List<Folder> folders, boolean forceFull) {
    public SyncRequest {
        Objects.requireNonNull(access, "access");
        folders = folders == null ? null : List.copyOf(folders);
    }

    public String pageId() {
        return access.pageId();
    }
}
