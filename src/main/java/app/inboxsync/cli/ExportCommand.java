package app.inboxsync.cli;

import app.inboxsync.app.AppContext;
import app.inboxsync.export.ExportFormat;
import app.inboxsync.export.PageExport;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", description = "Write a Page's conversations (all, or those the filters pick) and their messages to a CSV or JSON file (no network).")
final class ExportCommand extends AppCommand {
    @Option(names = "--page", required = true, paramLabel = "PAGE_ID")
    String pageId;

    @Option(names = "--format", required = true, description = "csv (one row per message) or json (conversations with their messages).")
    ExportFormat format;

    @Option(names = "--out", required = true, paramLabel = "FILE")
    Path out;

    @Mixin
    FilterOptions filters;

    @Override
    public Integer call() {
        try (AppContext app = open()) {
            requirePage(app, pageId);
            PageExport.Written written = new PageExport(app.conversations()).export(filters.forPage(pageId), format, out);
            out().printf("Wrote %d conversations and %d messages to %s%n", written.conversations(), written.messages(),
                    out.toAbsolutePath());
        }
        return 0;
    }
}
