package app.inboxsync.cli;

import app.inboxsync.app.AppContext;
import app.inboxsync.app.Parallelism;
import app.inboxsync.domain.Folder;
import app.inboxsync.read.PageSummary;
import app.inboxsync.sync.CancelSignal;
import app.inboxsync.sync.PageAccess;
import app.inboxsync.sync.SyncListener;
import app.inboxsync.sync.SyncRequest;
import app.inboxsync.sync.SyncResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "sync", description = {
        "Copy what is new on Facebook into the database: the first sync of a Page is full, later ones incremental.",
        "Exit code 0 when every Page succeeded, 1 when one failed (one line per failed Page says why)."})
final class SyncCommand extends AppCommand {

    static final class Target {
        @Option(names = "--page", paramLabel = "PAGE_ID", description = "Sync this Page.")
        String pageId;

        @Option(names = "--all", description = "Sync every added Page, in parallel.")
        boolean all;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Target target;

    @Option(names = "--full", description = "Walk everything, even if an incremental sync would do.")
    boolean full;

    @Option(names = "--folders", paramLabel = "LIST", description = "Folders to sync, e.g. inbox,page_done,other,spam "
            + "(default: the Page's own list, all four unless changed).")
    String folders;

    @Option(names = "--json", description = "Print one JSON object per line instead of a progress bar.")
    boolean json;

    @Option(names = "--with-media", description = "Also download the attachments, beside the sync (see: media fetch).")
    boolean withMedia;

    @picocli.CommandLine.Mixin
    MediaOptions media;

    @Option(names = "--watch", paramLabel = "DURATION", description = "Sync again every DURATION (e.g. 5m, 30s, 1h) until interrupted.")
    String watch;

    /** The same bounds as the desktop's Settings: a typo such as 0 or 1000 is refused, not run. */
    static final int MOST_PARALLEL = Parallelism.MOST;

    @Option(names = "--parallel", description = "Pages synced at once with --all (default: as many as Java's heap "
            + "holds, up to 32; 32 under the installed launcher's 512 MB, 16 under -Xmx256m).")
    Integer parallelOption;

    private int parallel;

    @Override
    public Integer call() throws InterruptedException {
        parallel = parallelOption != null ? parallelOption : Parallelism.ofThisMachine();
        if (parallel < 1 || parallel > MOST_PARALLEL) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--parallel takes how many Pages sync at once, from 1 to " + MOST_PARALLEL + " (got " + parallel + ").");
        }
        config(); // a bad --rate is a usage error before anything starts
        List<Folder> folderList = folders == null ? null : parseFolders();
        Duration every = watch == null ? null : WatchInterval.parse(watch, spec.commandLine());
        CancelSignal cancel = new CancelSignal();
        try (Interrupts interrupts = Interrupts.onFirst(() -> {
            cancel.cancel();
            err().println("Stopping at the next safe point (Ctrl-C again to stop at once)…");
            err().flush();
        }); AppContext app = AppContext.open(config(), parallel)) {
            int exit;
            do {
                try {
                    exit = syncOnce(app, folderList, cancel, every);
                } catch (RuntimeException e) {
                    if (every == null) {
                        throw e;
                    }
                    // a scheduled sync keeps going: the database or network may be back next round
                    err().println("Error: " + e.getMessage());
                    err().flush();
                    exit = InboxSyncCommand.PAGE_FAILED;
                }
                if (every != null && !cancel.isCancelled()) {
                    if (!json) {
                        out().printf("Next sync in %s (Ctrl-C to stop).%n", watch);
                        out().flush();
                    }
                    sleepUnlessCancelled(every, cancel);
                }
            } while (every != null && !cancel.isCancelled());
            return interrupts.received() ? Interrupts.EXIT_CODE : exit;
        }
    }

    private int syncOnce(AppContext app, List<Folder> folderList, CancelSignal cancel, Duration every) {
        List<SyncRequest> requests = new ArrayList<>();
        boolean tokenMissing = false;
        for (String pageId : pageIds(app)) {
            Optional<app.inboxsync.domain.Secret> token = app.vault().token(pageId);
            if (token.isEmpty()) {
                // one page without a token must not keep the others from syncing
                err().printf("✗ %s: no token is stored for this page. Add it again: inbox-sync pages add --token%n", pageId);
                tokenMissing = true;
                continue;
            }
            requests.add(new SyncRequest(new PageAccess(pageId, token.get()), folderList, full));
        }
        if (requests.isEmpty() && tokenMissing) {
            return InboxSyncCommand.PAGE_FAILED;
        }
        if (requests.isEmpty()) {
            err().println("No pages to sync. Add one with: inbox-sync pages add --token <page token>");
            return InboxSyncCommand.CANNOT_RUN;
        }
        boolean interactive = System.console() != null && !json;
        try (TerminalProgress progress = json ? null : new TerminalProgress(out(), interactive)) {
            SyncListener listener = json ? new JsonEvents(out()) : progress;
            // With --all, Pages are shared with other processes and machines on this database: one that another
            // holds or finished this round is theirs, a notice rather than a failure.
            Function<SyncListener, List<SyncResult>> syncing = heard -> target.all
                    ? app.syncShared(requests, heard, parallel, cancel, every)
                    : app.sync(requests, heard, parallel, cancel);
            List<SyncResult> results = withMedia ? SyncWithMedia.sync(app, syncing, requests, listener,
                    media.settings(options.home()), json ? null : out()) : syncing.apply(listener);
            return !tokenMissing && results.stream().allMatch(r -> r.succeeded()
                    || (target.all && r.status() == SyncResult.Status.ALREADY_RUNNING)) ? 0 : InboxSyncCommand.PAGE_FAILED;
        }
    }

    private List<String> pageIds(AppContext app) {
        if (target.all) {
            return app.pages().listPages().stream().map(PageSummary::pageId).toList();
        }
        requirePage(app, target.pageId);
        return List.of(target.pageId);
    }

    private List<Folder> parseFolders() {
        try {
            return Folder.parseList(folders);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private static void sleepUnlessCancelled(Duration every, CancelSignal cancel) throws InterruptedException {
        long until = System.nanoTime() + every.toNanos();
        while (!cancel.isCancelled() && System.nanoTime() < until) {
            Thread.sleep(Math.min(200, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
        }
    }
}
