package app.inboxsync.cli;

import app.inboxsync.app.AppContext;
import app.inboxsync.app.MediaService;
import app.inboxsync.export.ExportFormat;
import app.inboxsync.export.MediaCopy;
import app.inboxsync.media.Sizes;
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

    @Option(names = "--with-media", paramLabel = "DIR", description = "Also copy the stored attachment files into DIR;"
            + " the export names each file (relative path) or says why it is not there (see: media fetch).")
    Path mediaDir;

    @Mixin
    MediaOptions media;

    @Override
    public Integer call() {
        try (AppContext app = open()) {
            requirePage(app, pageId);
            if (mediaDir == null) {
                report(new PageExport(app.conversations()).export(filters.forPage(pageId), format, out));
                return 0;
            }
            try (MediaService service = MediaService.of(app, media.settings(options.home()))) {
                service.listNew(pageId);
                MediaCopy copy = new MediaCopy(service::attachmentsOf, service.files(), mediaDir);
                report(new PageExport(app.conversations(), copy).export(filters.forPage(pageId), format, out));
                out().printf("Copied %s (%s) to %s%n", copy.filesCopied() == 1 ? "1 attachment file"
                        : copy.filesCopied() + " attachment files",
                        Sizes.of(copy.bytesCopied()), mediaDir.toAbsolutePath());
            }
        }
        return 0;
    }

    private void report(PageExport.Written written) {
        out().printf("Wrote %d conversations and %d messages to %s%n", written.conversations(), written.messages(),
                out.toAbsolutePath());
    }
}
