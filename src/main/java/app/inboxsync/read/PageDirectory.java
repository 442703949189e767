package app.inboxsync.read;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.PageProfile;
import java.util.List;
import java.util.Optional;

/** The Pages this install keeps: listed with what is stored of each, added, reset, narrowed to folders, removed. */
public interface PageDirectory {

    List<PageSummary> listPages();

    Optional<PageSummary> findPage(String pageId);

    /** Adds the Page, or refreshes its name and category; either way its token counts as valid again. */
    void savePage(PageProfile page);

    /** Removes the Page and everything stored of it; false when there was no such Page. */
    boolean removePage(String pageId);

    /** Forgets the watermark, so the next sync is a full pass (even if one is running now); false when no such Page. */
    boolean requestFullSync(String pageId);

    /** The folders the Page's syncs walk. */
    void setFolders(String pageId, List<Folder> folders);
}
