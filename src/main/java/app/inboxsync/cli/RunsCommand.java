package app.inboxsync.cli;

import app.inboxsync.app.AppContext;
import app.inboxsync.app.RelativeTime;
import app.inboxsync.read.SyncRunRow;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "runs", description = "Show the sync history (one row per Page per sync).")
final class RunsCommand extends AppCommand {
    @Option(names = "--page", paramLabel = "PAGE_ID", description = "Only this Page.")
    String pageId;

    @Option(names = "--limit", defaultValue = "20")
    int limit;

    @Override
    public Integer call() {
        try (AppContext app = open()) {
            List<SyncRunRow> runs = app.runs().recent(pageId, limit);
            Instant now = Instant.now();
            String format = "%-6s %-18s %-12s %-10s %-18s %8s %8s %9s %6s  %s%n";
            out().printf(format, "RUN", "PAGE", "MODE", "STATUS", "STARTED", "INSERTED", "UPDATED", "MESSAGES", "CALLS", "ERROR");
            for (SyncRunRow r : runs) {
                out().printf(format, r.id(), r.pageId(), r.mode().wireName(), r.status().wireName(),
                        RelativeTime.ago(r.startedAt(), now),
                        r.conversationsInserted(), r.conversationsUpdated(), r.messagesInserted(), r.apiCalls(),
                        r.error() == null ? "" : r.error());
            }
        }
        return 0;
    }
}
