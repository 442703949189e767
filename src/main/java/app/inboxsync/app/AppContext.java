package app.inboxsync.app;

import app.inboxsync.app.background.Background;
import app.inboxsync.config.DatabaseSettings;
import app.inboxsync.graph.GraphClient;
import app.inboxsync.graph.GraphSettings;
import app.inboxsync.media.MediaQueue;
import app.inboxsync.media.MediaSettings;
import app.inboxsync.read.ConversationBrowsing;
import app.inboxsync.read.ConversationStream;
import app.inboxsync.read.ConversationTagging;
import app.inboxsync.read.CustomerActivity;
import app.inboxsync.read.PageDirectory;
import app.inboxsync.read.RunHistory;
import app.inboxsync.secrets.TokenVault;
import app.inboxsync.secrets.TokenVaults;
import app.inboxsync.store.read.ActivityQueries;
import app.inboxsync.store.read.ConversationBrowseQueries;
import app.inboxsync.store.read.ConversationQueries;
import app.inboxsync.store.read.ConversationTags;
import app.inboxsync.store.read.ContactQueries;
import app.inboxsync.store.read.NotesQueries;
import app.inboxsync.store.read.TagCatalogQueries;
import app.inboxsync.read.ContactLookup;
import app.inboxsync.read.ConversationNotes;
import app.inboxsync.read.TagCatalog;
import app.inboxsync.store.read.PageRepository;
import app.inboxsync.store.read.SyncRunQueries;
import app.inboxsync.store.server.Database;
import app.inboxsync.store.server.EmbeddedDatabase;
import app.inboxsync.store.write.PostgresInboxStore;
import app.inboxsync.store.write.PostgresMediaQueue;
import app.inboxsync.store.write.PostgresRefusalMemory;
import app.inboxsync.sync.BatchBudget;
import app.inboxsync.sync.CancelSignal;
import app.inboxsync.sync.GraphObserver;
import app.inboxsync.sync.SharedRound;
import app.inboxsync.sync.SyncAll;
import app.inboxsync.sync.SyncEvent;
import app.inboxsync.sync.SyncListener;
import app.inboxsync.sync.SyncRequest;
import app.inboxsync.sync.SyncResult;
import app.inboxsync.sync.SyncService;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All the wiring, in one place: database (embedded or configured), stores, Graph client, token vault and
 * the sync service. Built by the CLI and the desktop app alike; closing it stops what it started.
 */
public final class AppContext implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);
    private final EmbeddedDatabase embedded;
    private final Database database;
    private final GraphClient graph;
    private final TokenVault vault;
    private final PostgresInboxStore store;
    // The read side, each built once and handed out as what the UI and the CLI may ask of it.
    private final PageRepository pages;
    private final ConversationQueries conversations;
    private final ConversationBrowseQueries browse;
    private final ConversationTags tags;
    private final TagCatalogQueries tagCatalog;
    private final NotesQueries notes;
    private final ContactQueries contacts;
    private final SyncRunQueries runs;
    private final ActivityQueries activity;
    private final PostgresMediaQueue media;
    private final PageConnections connections;
    /** One for the process: the desktop's single-Page syncs and a Sync all share it (see BatchBudget). */
    private final BatchBudget batchBudget = configuredBatchBudget();
    private final CopyOnWriteArrayList<SyncListener> graphWaitListeners = new CopyOnWriteArrayList<>();

    /**
     * A batch budget as this process is configured: {@code INBOXSYNC_BATCH_BUDGET_MB} when set, else a quarter of
     * the heap. The app builds one per process; the bench one per scenario, so it measures what the app would.
     *
     * @throws IllegalArgumentException with a sentence saying what to set, for a value that is not a size
     */
    public static BatchBudget configuredBatchBudget() {
        return BatchBudget.fromSetting(System.getenv(BatchBudget.SETTING), Runtime.getRuntime().maxMemory());
    }

    private AppContext(EmbeddedDatabase embedded, Database database, GraphSettings graphSettings, TokenVault vault) {
        this.embedded = embedded;
        this.database = database;
        this.vault = vault;
        this.store = new PostgresInboxStore(database);
        this.pages = new PageRepository(database);
        this.conversations = new ConversationQueries(database);
        this.browse = new ConversationBrowseQueries(database);
        this.tags = new ConversationTags(database);
        this.tagCatalog = new TagCatalogQueries(database);
        this.notes = new NotesQueries(database);
        this.contacts = new ContactQueries(database);
        this.runs = new SyncRunQueries(database);
        this.activity = new ActivityQueries(database);
        this.media = new PostgresMediaQueue(database);
        // The Graph client tells us about waits and about what Facebook stopped serving; whoever is showing a sync
        // right now hears about them. What Facebook refused is remembered in the database for the next runs.
        this.graph = new GraphClient(graphSettings, new GraphObserver() {
            @Override
            public void waiting(String pageId, Duration pause, String reason) {
                tell(new SyncEvent.Waiting(pageId, pause, reason));
            }

            @Override
            public void noticed(String pageId, String message) {
                if (pageId == null) {
                    LOG.info("{}", message); // a token check outside any sync: nobody to show it to but the log
                } else {
                    tell(new SyncEvent.Notice(pageId, message));
                }
            }
        }, new PostgresRefusalMemory(database));
        this.connections = new PageConnections(graph, pages, vault);
    }

    private void tell(SyncEvent event) {
        graphWaitListeners.forEach(l -> l.shielded().on(event));
    }

    /** Opens the configured database (starting the embedded one when no URL is given) and the Graph client. */
    public static AppContext open(AppConfig config) {
        return open(config, TokenVaults.open(config.home(), System.getenv()));
    }

    /** As {@link #open(AppConfig)}, with a database pool sized for syncing {@code parallelism} Pages at once. */
    public static AppContext open(AppConfig config, int parallelism) {
        return open(config, TokenVaults.open(config.home(), System.getenv()), Database.poolSizeFor(parallelism));
    }

    /** As {@link #open(AppConfig)}, keeping tokens in {@code vault}. */
    public static AppContext open(AppConfig config, TokenVault vault) {
        return open(config, vault, Database.poolSizeFor(Parallelism.MOST)); // the desktop's Settings go up to 32
    }

    private static AppContext open(AppConfig config, TokenVault vault, int poolSize) {
        EmbeddedDatabase embedded = null;
        DatabaseSettings dbSettings = config.database();
        if (dbSettings == null) {
            embedded = EmbeddedDatabase.start(config.home());
            dbSettings = embedded.settings();
        }
        try {
            Database database;
            try {
                database = Database.connect(dbSettings, poolSize);
            } catch (RuntimeException e) {
                if (embedded == null || embedded.ownsServer()) {
                    throw e;
                }
                // The process whose server we found stopped it before we connected: run it ourselves.
                embedded = EmbeddedDatabase.start(config.home());
                database = Database.connect(embedded.settings(), poolSize);
            }
            return new AppContext(embedded, database, config.graph(), vault);
        } catch (RuntimeException e) {
            if (embedded != null) {
                embedded.close();
            }
            throw e;
        }
    }

    /** On a database that is already open (tests, tools); closing the context closes it. */
    public static AppContext on(Database database, GraphSettings graph, TokenVault vault) {
        return new AppContext(null, database, graph, vault);
    }

    /**
     * Syncs the Pages (in parallel, at most {@code parallelism} at once) and tells {@code listener} every event,
     * the Graph client's rate-limit and backoff pauses included.
     */
    public List<SyncResult> sync(List<SyncRequest> requests, SyncListener listener, int parallelism, CancelSignal cancel) {
        graphWaitListeners.add(listener);
        try {
            return new SyncAll(new SyncService(graph, store, batchBudget), parallelism)
                    .sync(requests, listener, cancel);
        } finally {
            graphWaitListeners.remove(listener);
        }
    }

    /**
     * Syncs the Pages as {@link #sync} does, sharing them with other processes and machines on this database:
     * stalest first, a Page held or finished elsewhere this round skipped with a notice (see {@link SharedRound}).
     *
     * @param every the {@code --watch} interval, or null for a one-off round
     */
    public List<SyncResult> syncShared(List<SyncRequest> requests, SyncListener listener, int parallelism,
                                       CancelSignal cancel, Duration every) {
        Instant dbNow = store.databaseNow();
        SharedRound round = every != null ? SharedRound.everyInterval(dbNow, every)
                // since this JVM started, by its own millisecond clock (the OS's process start time on Linux is
                // counted from a boot time kept in whole seconds: up to a second early, which would take a sync
                // finished just before this process for one of this round's)
                : SharedRound.sinceLaunch(dbNow, Duration.ofMillis(Math.max(0, System.currentTimeMillis()
                        - java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime())));
        List<SyncRequest> ordered = SharedRound.stalestFirst(requests, store::lastCompletedSync);
        graphWaitListeners.add(listener);
        try {
            List<SyncResult> results = new SyncAll(new SyncService(graph, store, batchBudget), parallelism)
                    .sync(ordered, round, listener, cancel);
            // back in the order asked for, as sync() answers
            java.util.Map<String, SyncResult> byPage = new java.util.HashMap<>();
            results.forEach(r -> byPage.put(r.pageId(), r));
            return requests.stream().map(r -> byPage.get(r.pageId())).toList();
        } finally {
            graphWaitListeners.remove(listener);
        }
    }

    public GraphClient graph() {
        return graph;
    }

    public TokenVault vault() {
        return vault;
    }

    public PageDirectory pages() {
        return pages;
    }

    /** Adding Pages and renewing their tokens. */
    public PageConnections pageConnections() {
        return connections;
    }

    public ConversationStream conversations() {
        return conversations;
    }

    public ConversationBrowsing browse() {
        return browse;
    }

    public ConversationTagging tags() {
        return tags;
    }

    /** The tag manager's tags: colours, counts, rename and delete. */
    public TagCatalog tagCatalog() {
        return tagCatalog;
    }

    /** The admins' notes on conversations. */
    public ConversationNotes notes() {
        return notes;
    }

    /** The contact panel's facts of a conversation. */
    public ContactLookup contacts() {
        return contacts;
    }

    public RunHistory runs() {
        return runs;
    }

    /** The attachments the media store keeps (what the thread view shows). */
    public MediaQueue mediaQueue() {
        return media;
    }

    /** The database, for stores wired outside this class (the media store). */
    public Database database() {
        return database;
    }

    /**
     * The media downloads that follow the syncs of a long-running app (the desktop), with its limits, as work of
     * its {@code background}; closing them stops their threads. Throws when the media folder cannot be made.
     */
    public MediaDownloads mediaDownloads(MediaSettings settings, Background background) {
        return new MediaDownloads(new MediaService(database, graph, vault, settings), background);
    }

    public CustomerActivity activity() {
        return activity;
    }

    @Override
    public void close() {
        graph.close();
        database.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
