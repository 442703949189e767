package app.inboxsync.graph;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.PageGrant;
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
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
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
    static final String MESSAGE_FIELDS = "id,created_time,from,to,message,attachments,sticker,shares";
    static final String CONVERSATION_FIELDS =
            "id,updated_time,participants,message_count,unread_count,snippet,can_reply,link";
    /** /me/accounts pages are small (25 by default); a runaway listing stops here. */
    private static final int MAX_ACCOUNT_PAGES = 1_000;

    private final GraphSettings settings;
    private final HttpUrl root;
    private final OkHttpClient http;
    private final GraphCaller caller;
    private final WireMapping mapping;
    private final PageThrottle throttle;

    public GraphClient(GraphSettings settings, GraphObserver observer) {
        this(settings, observer, Sleeper.SYSTEM, System::nanoTime);
    }

    /** For tests: waits go to {@code sleeper}, and pacing reads time from {@code nanoClock}. */
    GraphClient(GraphSettings settings, GraphObserver observer, Sleeper sleeper, LongSupplier nanoClock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        GraphObserver watcher = observer == null ? GraphObserver.NONE : observer;
        ObjectMapper json = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        this.root = settings.versionRoot();
        this.throttle = new PageThrottle(settings.callsPerSecondPerPage(), settings.maxRateLimitWait(), nanoClock,
                sleeper, watcher, json);
        this.http = new OkHttpClient.Builder()
                // Pages sync in parallel (about 8); keep enough idle connections for all of them.
                .connectionPool(new ConnectionPool(16, 5, TimeUnit.MINUTES))
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                // GraphCaller retries (and counts) every failed request itself; silent retries would hide calls.
                .retryOnConnectionFailure(false)
                // Graph does not redirect; a redirect must not carry the Bearer token elsewhere.
                .followRedirects(false)
                .followSslRedirects(false)
                .addInterceptor(throttle)
                .addInterceptor(new GraphAuth(settings.appSecret()))
                .addInterceptor(new CallLog())
                .build();
        this.caller = new GraphCaller(http, json, settings, sleeper, watcher);
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
        HttpUrl url = after != null ? follow(after, what) : root.newBuilder()
                .addPathSegment(page.pageId())
                .addPathSegment("conversations")
                .addQueryParameter("platform", "messenger")
                .addQueryParameter("folder", folder.wireName())
                .addQueryParameter("limit", Integer.toString(limit))
                .addQueryParameter("fields", conversationFields(nestedMessages))
                .build();
        GraphCaller.Answer<Wire.ConversationPage> answer =
                caller.get(new PageCall(page.pageId(), page.token()), url, Wire.ConversationPage.class, what);
        List<Wire.Conversation> wire = answer.body().data() == null ? List.of() : answer.body().data();
        List<FetchedConversation> conversations = new ArrayList<>(wire.size());
        try {
            for (Wire.Conversation c : wire) {
                conversations.add(mapping.conversation(page.pageId(), folder, c));
            }
        } catch (RuntimeException e) {
            throw GraphFailures.malformedContent(what, GraphFailures.clean(e.getMessage(), page.token()))
                    .afterCalls(answer.httpCalls());
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
                .addQueryParameter("fields", MESSAGE_FIELDS)
                .build();
        GraphCaller.Answer<Wire.MessagePage> answer =
                caller.get(new PageCall(page.pageId(), page.token()), url, Wire.MessagePage.class, what);
        try {
            return new MessageBatch(mapping.messages(page.pageId(), conversationId, answer.body().data()),
                    WireMapping.next(answer.body().paging()), answer.httpCalls());
        } catch (RuntimeException e) {
            throw GraphFailures.malformedContent(what, GraphFailures.clean(e.getMessage(), page.token()))
                    .afterCalls(answer.httpCalls());
        }
    }

    @Override
    public PageProfile identifyPage(Secret pageToken) {
        Objects.requireNonNull(pageToken, "pageToken");
        HttpUrl url = root.newBuilder().addPathSegment("me").addQueryParameter("fields", "id,name,category").build();
        Wire.Me me = caller.get(new PageCall(null, pageToken), url, Wire.Me.class, "the Page of this token").body();
        if (me.id() == null || me.id().isBlank()) {
            throw GraphFailures.malformedContent("the Page of this token", "it has no id");
        }
        return new PageProfile(me.id(), me.name(), me.category());
    }

    @Override
    public List<PageGrant> listPages(Secret userToken) {
        Objects.requireNonNull(userToken, "userToken");
        String what = "the Pages of this token";
        PageCall call = new PageCall(null, userToken);
        HttpUrl url = root.newBuilder().addPathSegment("me").addPathSegment("accounts")
                .addQueryParameter("fields", "id,name,category,access_token")
                .addQueryParameter("limit", "100")
                .build();
        List<PageGrant> grants = new ArrayList<>();
        Set<String> seenLinks = new HashSet<>();
        for (int pageNo = 0; url != null && pageNo < MAX_ACCOUNT_PAGES; pageNo++) {
            Wire.AccountPage page = caller.get(call, url, Wire.AccountPage.class, what).body();
            for (Wire.Account a : page.data() == null ? List.<Wire.Account>of() : page.data()) {
                if (a.id() == null || a.id().isBlank() || a.accessToken() == null || a.accessToken().isBlank()) {
                    // Graph leaves out the token when the user may not manage the Page's messages.
                    LOG.warn("Page {} ({}) came without a Page token; it cannot be synced with this user token",
                            a.id(), a.name());
                    continue;
                }
                grants.add(new PageGrant(new PageProfile(a.id(), a.name(), a.category()), Secret.of(a.accessToken())));
            }
            Cursor next = WireMapping.next(page.paging());
            // A next link seen before would loop forever; Graph's cursors always move on.
            url = next == null || !seenLinks.add(next.nextUrl()) ? null : follow(next, what);
        }
        return List.copyOf(grants);
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

    private static String conversationFields(int nestedMessages) {
        return nestedMessages == 0 ? CONVERSATION_FIELDS
                : CONVERSATION_FIELDS + ",messages.limit(" + nestedMessages + "){" + MESSAGE_FIELDS + "}";
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
