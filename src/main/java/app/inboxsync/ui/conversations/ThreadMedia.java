package app.inboxsync.ui.conversations;

import app.inboxsync.app.background.Background;
import app.inboxsync.concurrent.DaemonThreads;
import app.inboxsync.media.FolderMediaFiles;
import app.inboxsync.media.KeptAttachment;
import app.inboxsync.media.MediaFiles;
import app.inboxsync.media.MediaQueue;
import app.inboxsync.media.MediaSettings;
import app.inboxsync.media.MediaStatus;
import app.inboxsync.ui.common.FxBackground;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * What the thread view needs of the media store: the attachments of a message, their bytes, a way to open a file
 * with the system's app, and where the work runs (off the FX thread). Thumbnails are cached here for the view.
 */
public final class ThreadMedia {
    static final double THUMBNAIL = 240;
    private final Function<Collection<String>, List<KeptAttachment>> lookup;
    private final MediaFiles files;
    private final FileOpener opener;
    private final Background background;
    private final ThumbnailCache thumbnails = new ThumbnailCache(300);
    private final Map<String, List<KeptAttachment>> kept = new ConcurrentHashMap<>();
    /** Messages drawn with a file still pending: a download may have stored it since. */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();

    public ThreadMedia(Function<Collection<String>, List<KeptAttachment>> lookup, MediaFiles files, FileOpener opener,
            Background background) {
        this.lookup = lookup;
        this.files = files;
        this.opener = opener;
        this.background = background;
    }

    /**
     * The folder store in {@code folder} (the one Settings names; {@link MediaSettings#defaults} has it in the home),
     * its pictures read on a pool of their own (see {@link #newestFirst}).
     */
    public static ThreadMedia under(Path folder, MediaQueue queue) throws IOException {
        return over(new FolderMediaFiles(folder), queue);
    }

    /** As {@link #under}, on any store (the window's: its chosen store read together with the other one). */
    public static ThreadMedia over(MediaFiles files, MediaQueue queue) {
        return new ThreadMedia(queue::attachmentsOf, files, FileOpener.SYSTEM,
                new FxBackground(newestFirst(Math.max(1, Runtime.getRuntime().availableProcessors() / 2))));
    }

    /**
     * Opening a thread asks for every message's pictures at once (the list measures each cell to place the newest
     * at the bottom), and a photo decodes from megapixels. On the window's open-ended pool 200 decodes would run
     * side by side, taking every core and a heap full of pixels from the FX thread. Here at most half the cores
     * decode, and the newest request goes first: the cells made last are the ones on screen.
     */
    static ExecutorService newestFirst(int threads) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 30, TimeUnit.SECONDS,
                new LinkedBlockingDeque<>() {
                    @Override
                    public boolean offer(Runnable r) {
                        return offerFirst(r);
                    }
                }, DaemonThreads.numbered("thumbnails"));
        pool.allowCoreThreadTimeOut(true); // idle, it keeps no thread
        return pool;
    }

    /**
     * A message's attachments as the store knows them. A list that is all stored is final, so it is kept: a cell
     * drawn again while the chat scrolls asks the database nothing. One still pending is asked again next time.
     */
    List<KeptAttachment> attachmentsOf(String messageId) {
        List<KeptAttachment> known = kept.get(messageId);
        if (known != null) {
            return known;
        }
        List<KeptAttachment> asked = lookup.apply(List.of(messageId));
        if (!asked.isEmpty() && asked.stream().allMatch(a -> a.status() == MediaStatus.STORED)) {
            kept.put(messageId, asked);
        }
        if (asked.isEmpty() || asked.stream().anyMatch(a -> a.status() == MediaStatus.PENDING)) {
            waiting.add(messageId); // (none listed yet: the next fetch lists them)
        } else {
            waiting.remove(messageId);
        }
        return asked;
    }

    /**
     * A message's attachments when they are known to be all stored (asked before), without asking the database:
     * null when the store must be asked. On any thread.
     */
    List<KeptAttachment> keptNow(String messageId) {
        return kept.get(messageId);
    }

    /** Whether a message was drawn while one of its files was not downloaded yet (drawing it again may show it). */
    boolean waitsForFiles() {
        return !waiting.isEmpty();
    }

    ThumbnailCache thumbnails() {
        return thumbnails;
    }

    Background background() {
        return background;
    }

    InputStream open(String sha256) throws IOException {
        return files.open(sha256);
    }

    /** Opens a stored file with the system's app: the store's own file, or a copy named with its extension. */
    void openWithSystem(KeptAttachment a) throws IOException {
        Path file;
        if (files instanceof FolderMediaFiles folder) {
            file = folder.path(a.sha256());
        } else {
            file = Files.createTempDirectory("inboxsync-media").resolve(a.sha256() + "." + a.extension());
            try (InputStream in = files.open(a.sha256())) {
                if (in == null) {
                    throw new IOException("the file is no longer in the media store");
                }
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        opener.open(file);
    }
}
