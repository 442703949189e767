package app.inboxsync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Everything that happens to one Graph call (a plain request or one sub-request of a batch) in order:
 * counting, listeners, injected faults, token checks, the per-Page rate limit, the answer, usage headers.
 */
final class GraphCalls {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final World world;
    private final GraphRoutes routes;
    private final Faults faults;
    private final PageRateLimits limits;
    private final HostileAnswers hostile;
    private final String userToken;
    private final Map<String, Integer> revoked = new ConcurrentHashMap<>();
    private final List<RequestListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, LongAdder> perPage = new ConcurrentHashMap<>();

    GraphCalls(World world, GraphRoutes routes, Faults faults, PageRateLimits limits) {
        this.world = world;
        this.routes = routes;
        this.faults = faults;
        this.limits = limits;
        this.hostile = new HostileAnswers(world, routes);
        this.userToken = world.ids.userToken();
    }

    String userToken() {
        return userToken;
    }

    void addListener(RequestListener listener) {
        listeners.add(listener);
    }

    void revoke(String pageId, int subcode) {
        revoked.put(pageId, subcode);
    }

    void restore(String pageId) {
        revoked.remove(pageId);
    }

    long count() {
        return sequence.get();
    }

    long count(String pageId) {
        LongAdder n = perPage.get(pageId);
        return n == null ? 0 : n.sum();
    }

    Reply call(GraphRequest req) {
        long seq = sequence.incrementAndGet();
        int tokenPage = world.pageOfToken(req.token());
        String pageId = tokenPage >= 0 ? world.pages.get(tokenPage).id() : pageNamedBy(req);
        if (pageId != null) {
            perPage.computeIfAbsent(pageId, k -> new LongAdder()).increment();
        }
        RequestInfo info = new RequestInfo(req.method(), req.path(), pageId, seq);
        listeners.forEach(l -> l.onRequest(info));

        Optional<Fault> fault = faults.take(info, isConversationListing(req));
        if (fault.isPresent()) {
            Reply injected = injected(fault.get(), seq);
            if (injected != null) {
                return injected;
            }
        }
        // A revoked token is refused before it could be throttled: retrying it is pointless either way.
        boolean admitted = tokenPage < 0 || revoked.containsKey(world.pages.get(tokenPage).id())
                || limits.tryAcquire(tokenPage);
        Reply reply = admitted ? admitted(req, tokenPage, fault.orElse(null) instanceof Fault.ShuffledOrder, seq)
                : throttled(tokenPage, seq);
        if (tokenPage >= 0) {
            reply = withUsage(reply, tokenPage, !admitted);
        }
        return hostile.change(changed(reply, fault.orElse(null)), fault.orElse(null), req, tokenPage, seq);
    }

    /** Faults that break or change the normal answer on its way out. */
    private static Reply changed(Reply reply, Fault fault) {
        if (fault instanceof Fault.MalformedJson) {
            return reply.truncated();
        }
        if (fault instanceof Fault.CutMidBody) {
            return reply.cutMidBody();
        }
        if (fault instanceof Fault.EditedJson e && reply.status() == 200) {
            try {
                JsonNode edited = e.edit().apply(JSON.readTree(reply.body()));
                return reply.withBody(JSON.writeValueAsBytes(edited));
            } catch (IOException broken) {
                throw new UncheckedIOException(broken);
            }
        }
        return reply;
    }

    private Reply admitted(GraphRequest req, int tokenPage, boolean shuffled, long seq) {
        if (req.token() == null || req.token().isEmpty()) {
            return GraphErrors.error(400, 104, 0, "An access token is required to request this resource.", seq);
        }
        if (tokenPage < 0 && !req.token().equals(userToken)) {
            return GraphErrors.error(400, 190, 0, "Invalid OAuth access token - Cannot parse access token", seq);
        }
        if (tokenPage >= 0) {
            Integer subcode = revoked.get(world.pages.get(tokenPage).id());
            if (subcode != null) {
                return GraphErrors.error(400, 190, subcode, "Error validating access token: The session has been "
                        + "invalidated because the user changed their password or Facebook has changed the session "
                        + "for security reasons.", seq);
            }
        }
        try {
            return routes.answer(req, new GraphRoutes.Caller(tokenPage), shuffled, seq);
        } catch (IllegalArgumentException e) {
            return GraphErrors.invalidParameter(e.getMessage(), seq);
        }
    }

    /** Graph has two ways of saying a Page is throttled; even Pages get one, odd Pages the other. */
    private static Reply throttled(int page, long seq) {
        return page % 2 == 0
                ? GraphErrors.error(400, 32, 0, "(#32) Page request limit reached", seq)
                : GraphErrors.error(400, 80001, 0,
                        "There have been too many calls to this Page account. Wait and try again.", seq);
    }

    /** The injected answer, or null when the fault only changes how the normal answer is given. */
    private Reply injected(Fault fault, long seq) {
        if (fault instanceof Fault.GraphError e) {
            return GraphErrors.error(e.httpStatus(), e.code(), e.subcode(), e.message(), seq);
        }
        if (fault instanceof Fault.ServerError e) {
            return Reply.text(e.httpStatus(),
                    "<html><body><h1>" + e.httpStatus() + " Server Error</h1>Sorry, something went wrong.</body></html>");
        }
        if (fault instanceof Fault.DropConnection) {
            return Reply.drop();
        }
        if (fault instanceof Fault.NotJson) {
            return Reply.text(200, "<!DOCTYPE html><html><body>Please log in to the network to continue.</body></html>");
        }
        if (fault instanceof Fault.Throttled t) {
            Fault.GraphError e = t.error();
            return usageHeaders(GraphErrors.error(e.httpStatus(), e.code(), e.subcode(), e.message(), seq),
                    t.usagePercent(), t.minutesToRegain(), null);
        }
        if (fault instanceof Fault.TooManyRequests t) {
            return Reply.text(429, "<html><body><h1>429 Too Many Requests</h1></body></html>")
                    .withHeader("Retry-After", t.retryAfter());
        }
        if (fault instanceof Fault.Delay d) {
            sleep(d.d());
        }
        return null; // Delay, MalformedJson and ShuffledOrder change the normal answer instead
    }

    private Reply withUsage(Reply reply, int page, boolean throttled) {
        int usage = throttled ? 100 : limits.usagePercent(page);
        if (usage < 10) {
            return reply;
        }
        return usageHeaders(reply, usage, limits.minutesToRegain(page), world.pages.get(page).id());
    }

    /** Graph's three usage headers; {@code estimated_time_to_regain_access} only when it is above 0. */
    private static Reply usageHeaders(Reply reply, int usage, int minutesToRegain, String businessId) {
        int cpu = Math.max(1, usage / 4);
        String counts = "\"call_count\":" + usage + ",\"total_cputime\":" + cpu + ",\"total_time\":" + cpu;
        String regain = minutesToRegain > 0 ? ",\"estimated_time_to_regain_access\":" + minutesToRegain : "";
        return reply.withHeader("X-Page-Usage", "{" + counts + "}")
                .withHeader("X-App-Usage", "{" + counts + "}")
                .withHeader("X-Business-Use-Case-Usage", "{\"" + (businessId == null ? "0" : businessId)
                        + "\":[{\"type\":\"pages\"," + counts + regain + "}]}");
    }

    private String pageNamedBy(GraphRequest req) {
        List<String> s = req.segments();
        if (s.isEmpty()) {
            return null;
        }
        if (world.pageIndex(s.get(0)) >= 0) {
            return s.get(0);
        }
        StoredConversation c = world.conversation(s.get(0));
        return c == null ? null : world.pages.get(c.page()).id();
    }

    static boolean isConversationListing(GraphRequest req) {
        List<String> s = req.segments();
        return s.size() == 2 && s.get(1).equals("conversations");
    }

    static void sleep(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
