package app.inboxsync.cli;

import app.inboxsync.app.AppContext;
import app.inboxsync.app.MediaService;
import app.inboxsync.concurrent.DaemonThreads;
import app.inboxsync.media.FetchTally;
import app.inboxsync.media.MediaSettings;
import app.inboxsync.media.MediaStatus;
import app.inboxsync.media.MediaSummary;
import app.inboxsync.media.Sizes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "media", description = "Download the attachments of stored messages and show what is kept.",
        subcommands = {MediaCommand.Fetch.class, MediaCommand.Status.class})
final class MediaCommand {

    @Command(name = "fetch", description = "Download every pending attachment file (photos, stickers, audio, video, files).")
    static final class Fetch extends AppCommand {
        @Option(names = "--page", paramLabel = "PAGE_ID", description = "Only this Page (default: every Page).")
        String pageId;

        @Mixin
        MediaOptions media;

        @Override
        public Integer call() throws InterruptedException {
            try (AppContext app = open(); MediaService service = MediaService.of(app, media.settings(options.home()))) {
                if (pageId != null) {
                    requirePage(app, pageId);
                }
                FetchTally tally = new FetchTally();
                boolean interactive = System.console() != null;
                ScheduledExecutorService redraw = Executors.newSingleThreadScheduledExecutor(
                        DaemonThreads.named("media-progress"));
                if (interactive) {
                    redraw.scheduleAtFixedRate(() -> draw(out(), tally.snapshot()), 100, 100, TimeUnit.MILLISECONDS);
                }
                FetchTally.Snapshot done;
                try {
                    done = service.fetch(pageId, tally);
                } finally {
                    redraw.shutdownNow();
                }
                if (interactive) {
                    out().print("\r\033[K");
                }
                out().println(result(done, service));
                return done.failed() > 0 ? 1 : 0;
            }
        }

        private static void draw(PrintWriter out, FetchTally.Snapshot s) {
            double fraction = s.planned() == 0 ? 1 : Math.min(1.0, (double) s.done() / s.planned());
            int filled = (int) Math.round(fraction * 24);
            out.printf("\r\033[K[%s%s] %d%% %d of %d files · %s", "#".repeat(filled), ".".repeat(24 - filled),
                    Math.round(fraction * 100), s.done(), s.planned(), Sizes.of(s.bytes()));
            out.flush();
        }

        private static String result(FetchTally.Snapshot s, MediaService service) {
            StringBuilder b = new StringBuilder();
            b.append("Stored ").append(s.stored()).append(" new files (").append(Sizes.of(s.bytes())).append("), ")
                    .append(s.alreadyStored()).append(" already kept");
            if (s.refreshed() > 0) {
                b.append(", ").append(s.refreshed()).append(" expired links renewed through Facebook");
            }
            if (s.tooLarge() > 0) {
                b.append("; ").append(s.tooLarge()).append(" over the size cap of ")
                        .append(Sizes.of(service.settings().maxFileBytes())).append(" (raise --max-file-mb to keep them)");
            }
            if (s.gone() > 0) {
                b.append("; ").append(s.gone()).append(" no longer on Facebook");
            }
            if (s.retryLater() > 0) {
                b.append("; ").append(s.retryLater()).append(" failed for now and will be tried again by the next media fetch");
            }
            if (s.failed() > 0) {
                b.append("; ").append(s.failed()).append(" failed after repeated tries (see media status)");
            }
            b.append('.');
            if (s.quotaReached()) {
                b.append(System.lineSeparator()).append("The media quota of ").append(Sizes.of(service.settings().quotaBytes()))
                        .append(" is full: the rest stays pending. Raise --quota-mb (INBOXSYNC_MEDIA_QUOTA_MB) and run media fetch again.");
            }
            return b.toString();
        }
    }

    @Command(name = "status", description = "Per Page: attachment files stored, pending, too large, gone and failed.")
    static final class Status extends AppCommand {
        @Option(names = "--page", paramLabel = "PAGE_ID", description = "Only this Page (default: every Page).")
        String pageId;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @Mixin
        MediaOptions media;

        @Override
        public Integer call() throws Exception {
            try (AppContext app = open(); MediaService service = MediaService.of(app, media.settings(options.home()))) {
                if (pageId != null) {
                    requirePage(app, pageId);
                }
                List<MediaSummary> pages = service.summary(pageId);
                if (json) {
                    ObjectMapper mapper = new ObjectMapper();
                    ArrayNode list = mapper.createArrayNode();
                    for (MediaSummary s : pages) {
                        ObjectNode o = list.addObject();
                        o.put("page_id", s.pageId());
                        for (MediaStatus st : MediaStatus.values()) {
                            o.put(st.dbName(), s.count(st));
                        }
                        o.put("stored_bytes", s.storedBytes());
                    }
                    out().println(mapper.writeValueAsString(list));
                    return 0;
                }
                if (pages.isEmpty()) {
                    out().println("No attachments listed yet. Sync a Page, then run: inbox-sync media fetch");
                    return 0;
                }
                out().printf("%-20s %8s %8s %10s %6s %7s %10s%n", "PAGE", "STORED", "PENDING", "TOO_LARGE", "GONE", "FAILED", "SIZE");
                for (MediaSummary s : pages) {
                    out().printf("%-20s %8d %8d %10d %6d %7d %10s%n", s.pageId(), s.count(MediaStatus.STORED),
                            s.count(MediaStatus.PENDING), s.count(MediaStatus.TOO_LARGE), s.count(MediaStatus.GONE),
                            s.count(MediaStatus.FAILED), Sizes.of(s.storedBytes()));
                }
                out().println("Kept in " + (service.settings().store() == MediaSettings.Store.FILES
                        ? service.settings().folder() : "the database (media_blobs)") + "; quota "
                        + Sizes.of(service.settings().quotaBytes()) + ", size cap " + Sizes.of(service.settings().maxFileBytes()) + " per file.");
            }
            return 0;
        }
    }
}
