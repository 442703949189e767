package app.inboxsync.app;

import app.inboxsync.cdn.OkHttpCdnDownload;
import app.inboxsync.domain.Secret;
import app.inboxsync.graph.GraphClient;
import app.inboxsync.media.AttachmentLinks;
import app.inboxsync.media.FetchTally;
import app.inboxsync.media.EitherMediaFiles;
import app.inboxsync.media.FolderMediaFiles;
import app.inboxsync.media.KeptAttachment;
import app.inboxsync.media.MediaAfterBatches;
import app.inboxsync.media.MediaFetcher;
import app.inboxsync.media.MediaFiles;
import app.inboxsync.media.MediaSettings;
import app.inboxsync.media.MediaSummary;
import app.inboxsync.secrets.TokenVault;
import app.inboxsync.store.server.Database;
import app.inboxsync.store.write.PostgresMediaFiles;
import app.inboxsync.store.write.PostgresMediaQueue;
import app.inboxsync.sync.CancelSignal;
import app.inboxsync.sync.PageAccess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** The media store wired: the queue and files chosen by the settings, the CDN client, fresh links from Graph. */
public final class MediaService implements AutoCloseable {

    private final MediaSettings settings;
    private final PostgresMediaQueue queue;
    private final MediaFiles files;
    private final OkHttpCdnDownload cdn;
    private final MediaFetcher fetcher;

    public MediaService(Database database, GraphClient graph, TokenVault vault, MediaSettings settings) {
        this.settings = settings;
        this.queue = new PostgresMediaQueue(database);
        this.files = keptFiles(database, settings);
        this.cdn = new OkHttpCdnDownload(Duration.ofSeconds(60));
        AttachmentLinks links = (pageId, messageId, index) -> {
            Secret token = vault.token(pageId).orElseThrow(() -> new IllegalStateException(
                    "Page " + pageId + " has no token here; add it again with: inbox-sync pages add"));
            List<String> now = graph.attachmentLinks(new PageAccess(pageId, token), messageId);
            return index < now.size() ? now.get(index) : null;
        };
        this.fetcher = new MediaFetcher(queue, files, cdn, links, settings, Clock.systemUTC());
    }

    /**
     * Where files are kept for these settings: the chosen store, read together with the other one (a file another
     * machine kept in the shared database, or this machine's folder after a change of store; see
     * {@link EitherMediaFiles}).
     */
    public static MediaFiles keptFiles(Database database, MediaSettings settings) {
        try {
            MediaFiles folder = new FolderMediaFiles(settings.folder());
            MediaFiles inDatabase = new PostgresMediaFiles(database, settings.folder().resolve("tmp"));
            return switch (settings.store()) {
                case FILES -> new EitherMediaFiles(folder, inDatabase);
                case DATABASE -> new EitherMediaFiles(inDatabase, folder);
            };
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the media folder " + settings.folder() + ": " + e.getMessage(), e);
        }
    }

    public static MediaService of(AppContext app, MediaSettings settings) {
        return new MediaService(app.database(), app.graph(), app.vault(), settings);
    }

    public FetchTally.Snapshot fetch(String pageId, FetchTally tally) throws InterruptedException {
        return fetcher.fetch(pageId, tally);
    }

    /**
     * As {@link #fetch(String, FetchTally)}, about {@code atMost} files at most, breaking off when {@code cancel} is
     * asked (see {@link MediaFetcher}).
     */
    public FetchTally.Snapshot fetch(String pageId, FetchTally tally, CancelSignal cancel, int atMost)
            throws InterruptedException {
        return fetcher.fetch(pageId, tally, cancel, atMost);
    }

    /** The size cap and quota of {@code limits} from the next file on (the store and its folder stay). */
    public void useLimits(MediaSettings limits) {
        fetcher.useLimits(limits);
    }

    /** A sync listener that fetches a Page's media after each batch, in the background. Close it after the sync. */
    public MediaAfterBatches afterBatches() {
        return new MediaAfterBatches(fetcher);
    }

    public List<MediaSummary> summary(String pageId) {
        queue.enqueue(pageId); // so what was synced but not listed yet counts as pending
        return queue.summary(pageId);
    }

    /** The attachments of these messages as the store knows them (list first what was synced since). */
    public List<KeptAttachment> attachmentsOf(Collection<String> messageIds) {
        return queue.attachmentsOf(messageIds);
    }

    /** Lists what was synced but not listed yet, so it counts as pending. */
    public void listNew(String pageId) {
        queue.enqueue(pageId);
    }

    public MediaFiles files() {
        return files;
    }

    public MediaSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        fetcher.close();
        cdn.close();
    }
}
