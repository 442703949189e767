package app.inboxsync.read;

import java.util.List;
import java.util.Map;

/** The sync history: what each run did, newest first. */
public interface RunHistory {

    /** The newest {@code limit} runs of one Page, or of all Pages when {@code pageId} is null. */
    List<SyncRunRow> recent(String pageId, int limit);

    /**
     * Each run's number among its own Page's runs (1 = the Page's first sync), by run id, for one Page or all
     * when {@code pageId} is null: run ids count across every Page, so "#1, #4, #9" would read as gaps.
     */
    Map<Long, Integer> numbersPerPage(String pageId);
}
