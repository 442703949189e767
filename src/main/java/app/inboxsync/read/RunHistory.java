package app.inboxsync.read;

import java.util.List;

/** The sync history: what each run did, newest first. */
public interface RunHistory {

    /** The newest {@code limit} runs of one Page, or of all Pages when {@code pageId} is null. */
    List<SyncRunRow> recent(String pageId, int limit);
}
