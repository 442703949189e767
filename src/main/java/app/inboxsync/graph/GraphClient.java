package app.inboxsync.graph;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.PageGrant;
import app.inboxsync.domain.PageListing;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.domain.Secret;
import app.inboxsync.sync.ConversationBatch;
import app.inboxsync.sync.Cursor;
import app.inboxsync.sync.FetchedConversation;
import app.inboxsync.sync.GraphException;
import app.inboxsync.sync.GraphGateway;
import app.inboxsync.sync.GraphObserver;
import app.inboxsync.sync.MessageBatch;
import app.inboxsync.sync.PageAccess;
import app.inboxsync.sync.PagingTrail;
import app.inboxsync.sync.RefusalMemory;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import okhttp3.ConnectionPool;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Graph API over HTTP: builds the requests, follows {@code next} links, maps Graph's JSON to domain
 * records. Pacing, auth, proof and logging are OkHttp interceptors; retries and error meaning live in
 * {@link GraphCaller}. Thread safe: one instance serves every Page of a sync.
 */
public final class GraphClient implements GraphGateway, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GraphClient.class);
    /** Every field asked for, when Graph serves them all; which are optional is said in {@link GraphFields}. */
    static final String MESSAGE_FIELDS = GraphFields.list(GraphFields.Edge.MESSAGES, name -> false);
    static final String CONVERSATION_FIELDS = GraphFields.list(GraphFields.Edge.CONVERSATIONS, name -> false);
    /** /me/accounts pages are small (25 by default); a runaway listing stops here. */
    private static final int MAX_ACCOUNT_PAGES = 1_000;
    /**
     * How long an idle connection stays pooled: below the idle timeouts servers close connections after (30 s
     * for the JDK's server under the simulator, about a minute for common proxies), so one is rarely reused dead.
     */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(20);

    private final GraphSettings settings;
    private final HttpUrl root;
    private final OkHttpClient http;
    private final GraphCaller caller;
    private final FieldRetry fields;
    private final WireMapping mapping;
    private final PageThrottle throttle;

    public GraphClient(GraphSettings settings, GraphObserver observer) {
        this(settings, observer, RefusalMemory.NONE);
    }

    /** @param refusals where the fields and folders Graph refused are remembered between runs */
    public GraphClient(GraphSettings settings, GraphObserver observer, RefusalMemory refusals) {
        this(settings, observer, Sleeper.SYSTEM, System::nanoTime, refusals);
    }

    /** For tests: waits go to {@code sleeper}, and pacing reads time from {@code nanoClock}. */
    GraphClient(GraphSettings settings, GraphObserver observer, Sleeper sleeper, LongSupplier nanoClock) {
        this(settings, observer, sleeper, nanoClock, RefusalMemory.NONE);
    }

    private GraphClient(GraphSettings settings, GraphObserver observer, Sleeper sleeper, LongSupplier nanoClock,
            RefusalMemory refusals) {
        this.settings = Objects.requireNonNull(settings, "settings");
        GraphObserver watcher = observer == null ? GraphObserver.NONE : observer;
        // Jackson refuses texts over 20 MB by default; the answer's size cap is the limit that matters.
        ObjectMapper json = new ObjectMapper(JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder()
                        .maxStringLength((int) Math.min(Integer.MAX_VALUE - 8L, settings.maxAnswerBytes())).build())
                .build()).disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.root = settings.versionRoot();
        this.throttle = new PageThrottle(settings.callsPerSecondPerPage(), settings.maxRateLimitWait(), nanoClock,
                sleeper, watcher, json);
        this.http = new OkHttpClient.Builder()
                // Pages sync in parallel (about 8); keep enough idle connections for all of them.
                .connectionPool(new ConnectionPool(16, KEEP_ALIVE.toMillis(), TimeUnit.MILLISECONDS))
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                .eventListener(new ReusedConnections())
                // GraphCaller retries (and counts) every failed request itself; silent retries would hide calls.
                .retryOnConnectionFailure(false)
                // Graph does not redirect; a redirect must not carry the Bearer token elsewhere.
                .followRedirects(false)
                .followSslRedirects(false)
                .addInterceptor(new AnswerSizeCap(settings.maxAnswerBytes()))
                .addInterceptor(throttle)
                .addInterceptor(new GraphAuth(settings.appSecret()))
                .addInterceptor(new CallLog())
                .build();
        this.caller = new GraphCaller(http, json, settings, sleeper, watcher, throttle);
        this.fields = new FieldRetry(caller, new KnownRefusals(Objects.requireNonNull(refusals, "refusals"),
                settings.version(), Clock.systemUTC()), watcher);
        this.mapping = new WireMapping(json);
    }

    @Override
    public ConversationBatch conversations(PageAccess page, Folder folder, int limit, int nestedMessages,
            Cursor after) {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(folder, "folder");
        checkLimit("limit", limit, 1);
        checkLimit("nestedMessages", nestedMessages, 0);
        String what = "the " + folder.wireName() + " conversations of Page " + page.pageId();
        KnownRefusals refused = fields.refusals();
        if (refused.folder(page.pageId(), folder.wireName())) {
            throw folderRefused(page, folder); // known from an earlier call: not asked again
        }
        // The next link keeps the limit of the page it came from; the engine's limit for this page goes on it.
        HttpUrl url = after != null ? GraphUrls.withLimit(follow(after, what), limit) : root.newBuilder()
                .addPathSegment(page.pageId())
                .addPathSegment("conversations")
                .addQueryParameter("platform", "messenger")
                .addQueryParameter("folder", folder.wireName())
                .addQueryParameter("limit", Integer.toString(limit))
                .addQueryParameter("fields", GraphFields.conversations(nestedMessages,
                        name -> refused.field(GraphFields.Edge.CONVERSATIONS, name),
                        name -> refused.field(GraphFields.Edge.MESSAGES, name)))
                .build();
        FieldRetry.Asked<Wire.ConversationPage> answer;
        try {
            answer = fields.get(new PageCall(page.pageId(), page.token()), url, GraphFields.Edge.CONVERSATIONS,
                    Wire.ConversationPage.class, what);
        } catch (GraphRefusal folderRefusal) {
            if (folderRefusal.allowedFolders.toLowerCase(java.util.Locale.ROOT).contains(folder.wireName())) {
                throw folderRefusal.fatal; // Graph lists this folder as allowed: the refusal is about something else
            }
            refused.refuseFolder(page.pageId(), folder.wireName());
            throw folderRefused(page, folder);
        }
        List<Wire.Conversation> wire = answer.body().data() == null ? List.of() : answer.body().data();
        List<FetchedConversation> conversations = new ArrayList<>(wire.size());
        String asked = answer.fields();
        try {
            for (Wire.Conversation c : wire) {
                // a next link without fields (not Graph's way) is taken as asking for everything, as before
                conversations.add(mapping.conversation(page.pageId(), folder, c,
                        name -> asked == null || GraphFields.asks(asked, name, false)));
            }
        } catch (RuntimeException e) {
            throw GraphFailures.malformedContent(what, GraphFailures.clean(e.getMessage(), page.token()))
                    .withHttpCalls(answer.httpCalls());
        }
        return new ConversationBatch(conversations, WireMapping.next(answer.body().paging()), answer.httpCalls());
    }

    @Override
    public MessageBatch messages(PageAccess page, String conversationId, Cursor next) {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(conversationId, "conversationId");
        String what = "the messages of conversation " + conversationId + " of Page " + page.pageId();
        // Without a cursor, start at the newest messages (the engine normally passes the nested cursor).
        HttpUrl url = next != null ? follow(next, what) : root.newBuilder()
                .addPathSegment(conversationId)
                .addPathSegment("messages")
                .addQueryParameter("limit", Integer.toString(MAX_LIMIT))
                .addQueryParameter("fields", GraphFields.list(GraphFields.Edge.MESSAGES,
                        name -> fields.refusals().field(GraphFields.Edge.MESSAGES, name)))
                .build();
        FieldRetry.Asked<Wire.MessagePage> answer = fields.get(new PageCall(page.pageId(), page.token()), url,
                GraphFields.Edge.MESSAGES, Wire.MessagePage.class, what);
        try {
            return new MessageBatch(mapping.messages(page.pageId(), conversationId, answer.body().data()),
                    WireMapping.next(answer.body().paging()), answer.httpCalls());
        } catch (RuntimeException e) {
            throw GraphFailures.malformedContent(what, GraphFailures.clean(e.getMessage(), page.token()))
                    .withHttpCalls(answer.httpCalls());
        }
    }

    /**
     * The links of a message's attachments as Graph gives them now, in order (null where one has none): a fresh CDN
     * link for one that expired. {@code GET /{message-id}?fields=attachments}, paced and retried like any call.
     */
    public List<String> attachmentLinks(PageAccess page, String messageId) {
        Objects.requireNonNull(page, "page");
        String what = "the attachments of message " + messageId + " of Page " + page.pageId();
        HttpUrl url = root.newBuilder().addPathSegment(Objects.requireNonNull(messageId, "messageId"))
                .addQueryParameter("fields", "attachments").build();
        Wire.Message m = caller.get(new PageCall(page.pageId(), page.token()), url, Wire.Message.class, what).body();
        List<String> links = new ArrayList<>();
        com.fasterxml.jackson.databind.JsonNode data = m.attachments() == null ? null : m.attachments().path("data");
        if (data != null && data.isArray()) {
            for (com.fasterxml.jackson.databind.JsonNode a : data) {
                String link = a.at("/video_data/url").asText(null);
                link = link != null ? link : a.at("/image_data/url").asText(null);
                links.add(link != null ? link : a.path("file_url").asText(null));
            }
        }
        return links;
    }

    @Override
    public PageProfile identifyPage(Secret pageToken) {
        Objects.requireNonNull(pageToken, "pageToken");
        HttpUrl url = root.newBuilder().addPathSegment("me").addQueryParameter("fields",
                GraphFields.list(GraphFields.Edge.PAGE, name -> false)).build();
        Wire.Me me = fields.get(new PageCall(null, pageToken), url, GraphFields.Edge.PAGE, Wire.Me.class,
                "the Page of this token").body();
        if (me.id() == null || me.id().isBlank()) {
            throw GraphFailures.malformedContent("the Page of this token", "it has no id");
        }
        return new PageProfile(me.id(), me.name(), me.category());
    }

    @Override
    public PageListing listPages(Secret userToken) {
        Objects.requireNonNull(userToken, "userToken");
        String what = "the Pages of this token";
        PageCall call = new PageCall(null, userToken);
        HttpUrl url = root.newBuilder().addPathSegment("me").addPathSegment("accounts")
                .addQueryParameter("fields", GraphFields.list(GraphFields.Edge.ACCOUNTS, name -> false))
                .addQueryParameter("limit", "100")
                .build();
        List<PageGrant> grants = new ArrayList<>();
        List<PageListing.Unusable> unusable = new ArrayList<>();
        PagingTrail trail = new PagingTrail(what);
        for (int pageNo = 0; url != null && pageNo < MAX_ACCOUNT_PAGES; pageNo++) {
            Wire.AccountPage page = fields.get(call, url, GraphFields.Edge.ACCOUNTS, Wire.AccountPage.class, what).body();
            List<Wire.Account> accounts = page.data() == null ? List.of() : page.data();
            trail.read(accounts.stream().map(a -> String.valueOf(a.id())).toList());
            for (Wire.Account a : accounts) {
                if (a.id() == null || a.id().isBlank()) {
                    continue; // nothing to import or to name
                }
                PageProfile profile = new PageProfile(a.id(), a.name(), a.category());
                String unusableBecause = AccountRoles.whyUnusable(a);
                if (unusableBecause != null) {
                    LOG.info("Page {} ({}) cannot be synced with this user token: {}", a.id(), a.name(), unusableBecause);
                    unusable.add(new PageListing.Unusable(profile, unusableBecause));
                    continue;
                }
                grants.add(new PageGrant(profile, Secret.of(a.accessToken())));
            }
            Cursor next = WireMapping.next(page.paging());
            trail.follow(next); // a listing that repeats itself fails here instead of looping forever
            url = next == null ? null : follow(next, what);
        }
        return new PageListing(grants, unusable);
    }

    /** Shuts the connection pool and dispatcher down; in-flight calls fail. */
    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    /** For tests: how many times its base interval a Page's calls are currently spaced. */
    int slowdownOf(String pageId) {
        return throttle.slowdown(pageId);
    }

    /** A folder this Graph version refuses (code 100 on {@code folder=}): the pass skips it, with this sentence. */
    private GraphException folderRefused(PageAccess page, Folder folder) {
        return new GraphException(GraphException.Kind.FOLDER_REFUSED, "Facebook " + settings.version()
                + " no longer serves the " + folder.wireName() + " folder of Page " + page.pageId() + ": its "
                + "conversations are not copied this time (the other folders are), and no conversation is marked as "
                + "gone from Facebook while a folder cannot be read. It is asked for again in a day, or at once "
                + "with another Graph version, and then read to its end.", 100, 0, null, null);
    }

    /**
     * A cursor's {@code next} link, followed exactly as given minus its {@code access_token}. It must point at
     * the configured Graph host: the Bearer token goes with the request, and nowhere else.
     */
    private HttpUrl follow(Cursor cursor, String what) {
        HttpUrl url = GraphUrls.followable(cursor.nextUrl());
        if (url == null) {
            throw GraphFailures.malformedContent(what, "its next-page link is not an http(s) URL");
        }
        if (!url.host().equals(root.host()) || url.port() != root.port() || !url.scheme().equals(root.scheme())) {
            throw GraphFailures.malformedContent(what, "its next-page link points at " + url.scheme() + "://"
                    + url.host() + ":" + url.port() + ", not at the configured Graph server " + settings.baseUrl()
                    + "; the token is not sent there");
        }
        return url;
    }

    private static void checkLimit(String name, int value, int min) {
        if (value < min || value > MAX_LIMIT) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + MAX_LIMIT + "; got " + value);
        }
    }
}
