package app.inboxsync.cli;

import app.inboxsync.app.Plural;
import app.inboxsync.app.RelativeTime;
import app.inboxsync.domain.Folder;
import app.inboxsync.read.PageSummary;
import app.inboxsync.read.TokenStatus;
import app.inboxsync.sync.RunOutcome.RunStatus;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;

/** The {@code pages list} output: a table for people, JSON for scripts. */
final class PageTable {
    private static final ObjectMapper JSON = new ObjectMapper();

    private PageTable() {
    }

    static void print(List<PageSummary> pages, PrintWriter out) {
        if (pages.isEmpty()) {
            out.println("No pages yet. Add one with: inbox-sync pages add --token <page token>   (or try: inbox-sync demo)");
            return;
        }
        Instant now = Instant.now();
        String format = "%-18s %-24s %-20s %-10s %13s %11s %9s %9s %9s%n";
        out.printf(format, "PAGE ID", "NAME", "LAST SYNC", "STATUS", "CONVERSATIONS", "MESSAGES", "PENDING",
                "WITHHELD", "COVERAGE");
        for (PageSummary p : pages) {
            out.printf(format, p.pageId(), Columns.cut(p.name(), 24), RelativeTime.ago(p.lastRunFinishedAt(), now),
                    status(p), p.conversations(), p.messages(), p.pendingHistories(), p.withheldHistories(),
                    p.coverageText());
        }
        for (PageSummary p : pages) {
            if (p.tokenStatus() == TokenStatus.INVALID) {
                out.printf("! %s: token invalid: %s%n", p.name(), p.tokenError());
            } else if (p.lastRunStatus() == RunStatus.FAILED && p.lastRunError() != null) {
                out.printf("! %s: last sync failed: %s%n", p.name(), p.lastRunError());
            }
            if (p.uncountedConversations() > 0) {
                out.printf("! %s: Facebook gives no message count for %s; the coverage counts their "
                        + "copied messages instead%n", p.name(), Plural.of(p.uncountedConversations(), "conversation"));
            }
            if (p.pendingHistories() > 0) {
                out.printf("  %s: the older messages of %s are still to fetch; the next sync carries on.%n",
                        p.name(), Plural.of(p.pendingHistories(), "conversation"));
            }
            if (p.withheldHistories() > 0) {
                out.printf("  %s: Facebook keeps the older messages of %s out of reach; what it gave is stored.%n",
                        p.name(), Plural.of(p.withheldHistories(), "conversation"));
            }
        }
    }

    static String json(List<PageSummary> pages) {
        ArrayNode array = JSON.createArrayNode();
        for (PageSummary p : pages) {
            ObjectNode o = array.addObject();
            o.put("page_id", p.pageId());
            o.put("name", p.name());
            o.put("category", p.category());
            o.put("last_synced_at", text(p.watermark()));
            o.put("last_run_status", p.lastRunStatus() == null ? null : p.lastRunStatus().wireName());
            o.put("last_run_finished_at", text(p.lastRunFinishedAt()));
            o.put("last_run_error", p.lastRunError());
            o.put("token_status", p.tokenStatus().wireName());
            o.put("token_error", p.tokenError());
            o.put("conversations", p.conversations());
            o.put("messages", p.messages());
            o.put("reported_messages", p.reportedMessages());
            if (Double.isNaN(p.coverage())) {
                o.putNull("coverage");
            } else {
                o.put("coverage", p.coverage());
            }
            o.put("history_pending", p.pendingHistories());
            o.put("history_withheld", p.withheldHistories());
            o.put("missing_conversations", p.missingConversations());
            o.put("uncounted_conversations", p.uncountedConversations());
            ArrayNode folders = o.putArray("folders");
            p.folders().stream().map(Folder::wireName).forEach(folders::add);
        }
        return array.toPrettyString();
    }

    private static String status(PageSummary p) {
        if (p.tokenStatus() == TokenStatus.INVALID) {
            return "token!";
        }
        return p.lastRunStatus() == null ? "never" : p.lastRunStatus().wireName();
    }

    private static String text(Instant t) {
        return t == null ? null : t.toString();
    }
}
