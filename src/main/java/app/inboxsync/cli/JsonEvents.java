package app.inboxsync.cli;

import app.inboxsync.sync.SyncEvent;
import app.inboxsync.sync.SyncListener;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;

/**
 * {@code sync --json}: one JSON object per line, in the shape the old web app streamed
 * ({@code syncing}, {@code batch_complete}, {@code complete}, {@code error}) plus a few extra statuses.
 */
final class JsonEvents implements SyncListener {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final PrintWriter out;

    JsonEvents(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void on(SyncEvent event) {
        ObjectNode o = JSON.createObjectNode();
        if (event instanceof SyncEvent.Started s) {
            o.put("status", "started").put("page", s.pageId()).put("name", s.pageName())
                    .put("mode", s.mode().wireName()).put("run_id", s.runId());
        } else if (event instanceof SyncEvent.Progress p) {
            o.put("status", "syncing").put("page", p.pageId())
                    .put("inserted", p.counts().conversationsInserted())
                    .put("updated", p.counts().conversationsUpdated())
                    .put("unchanged", p.counts().conversationsUnchanged())
                    .put("seen", p.conversationsSeen())
                    .put("messages_inserted", p.counts().messagesInserted())
                    .put("api_calls", p.apiCalls());
        } else if (event instanceof SyncEvent.BatchCompleted b) {
            o.put("status", "batch_complete").put("page", b.pageId()).put("batch", b.batch()).put("total", b.total());
        } else if (event instanceof SyncEvent.History h) {
            o.put("status", "history").put("page", h.pageId()).put("conversations_left", h.conversationsLeft())
                    .put("pages_done", h.pagesDone()).put("pages_left", h.pagesLeft()).put("api_calls", h.apiCalls());
        } else if (event instanceof SyncEvent.Waiting w) {
            o.put("status", "waiting").put("page", w.pageId()).put("seconds", w.pause().toMillis() / 1000.0)
                    .put("reason", w.reason());
        } else if (event instanceof SyncEvent.Notice n) {
            o.put("status", "notice").put("page", n.pageId()).put("message", n.message());
        } else if (event instanceof SyncEvent.Completed c) {
            o.put("status", "complete").put("page", c.pageId())
                    .put("inserted", c.counts().conversationsInserted())
                    .put("updated", c.counts().conversationsUpdated())
                    .put("total", c.counts().conversationsTouched())
                    .put("mode", c.mode().wireName())
                    .put("unchanged", c.counts().conversationsUnchanged())
                    .put("messages_inserted", c.counts().messagesInserted())
                    .put("marked_missing", c.markedMissing())
                    .put("api_calls", c.apiCalls())
                    .put("seconds", c.elapsed().toMillis() / 1000.0)
                    .put("listing_seconds", c.listingElapsed().toMillis() / 1000.0);
            if (c.coverage() != null) {
                o.put("conversations_stored", c.coverage().conversations())
                        .put("messages_stored", c.coverage().messages())
                        .put("history_pending", c.coverage().pendingHistories())
                        .put("history_withheld", c.coverage().withheldHistories());
            }
        } else if (event instanceof SyncEvent.Failed f) {
            // a Page another process has is skipped, not failed: scripts can tell the two apart
            o.put("status", f.status() == app.inboxsync.sync.SyncResult.Status.ALREADY_RUNNING ? "skipped" : "error")
                    .put("page", f.pageId())
                    .put("reason", f.status().name().toLowerCase(java.util.Locale.ROOT)).put("error", f.message());
        }
        synchronized (out) {
            out.println(o.toString());
            out.flush();
        }
    }
}
