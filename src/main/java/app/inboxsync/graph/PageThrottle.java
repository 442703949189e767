package app.inboxsync.graph;

import app.inboxsync.sync.GraphObserver;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Paces each Page's calls ({@link GraphCaller} waits its turn before each request; the interceptor reads the
 * answers) (Graph allows about 2 a second per Page): calls of one Page are spaced at least
 * one interval apart, the first one goes at once, Pages do not wait for each other. Every response's usage
 * headers (errors too) steer it: at 90 % or more the Page's interval doubles (up to 16×) and relaxes again
 * as usage drops; when Graph names a time to regain access, the Page's calls are held until then.
 * Calls without a Page (token checks) are not paced.
 */
final class PageThrottle implements Interceptor {
    static final int MAX_SLOWDOWN = 16;

    private final long intervalNanos;
    private final Duration maxHold;
    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private final GraphObserver observer;
    private final ObjectMapper json;
    private final ConcurrentHashMap<String, Lane> lanes = new ConcurrentHashMap<>();

    PageThrottle(double callsPerSecond, Duration maxHold, LongSupplier nanoClock, Sleeper sleeper,
            GraphObserver observer, ObjectMapper json) {
        this.intervalNanos = callsPerSecond <= 0 ? 0 : Math.round(1_000_000_000L / callsPerSecond);
        this.maxHold = maxHold;
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
        this.observer = observer;
        this.json = json;
    }

    /** One Page's pacing state; guarded by its own monitor so Pages never contend with each other. */
    private static final class Lane {
        boolean called;
        long lastSlot;
        int slowdown = 1;
        long holdUntil;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        PageCall call = request.tag(PageCall.class);
        String pageId = call == null ? null : call.pageId();
        // The caller waits its turn (awaitTurn) before the call starts, so the call's deadline is not spent here.
        Response response = chain.proceed(request);
        record(pageId, Usage.of(response.headers(), json));
        return response;
    }

    /** Blocks until {@code pageId} may make its next call; reserves that slot for the caller. */
    void awaitTurn(String pageId) throws InterruptedException, PageHeldException {
        if (pageId == null) {
            return;
        }
        Lane lane = lanes.computeIfAbsent(pageId, id -> new Lane());
        long now = nanoClock.getAsLong();
        long slot;
        boolean held;
        synchronized (lane) {
            slot = lane.called ? Math.max(now, lane.lastSlot + intervalNanos * lane.slowdown) : now;
            held = lane.holdUntil > slot;
            if (held) {
                slot = lane.holdUntil;
                if (slot - now > maxHold.toNanos()) {
                    throw new PageHeldException(Duration.ofNanos(slot - now));
                }
            }
            lane.called = true;
            lane.lastSlot = slot;
        }
        Duration wait = Duration.ofNanos(slot - now);
        if (held) {
            observer.waiting(pageId, wait, "Facebook asked to pause calls for Page " + pageId + ": waiting "
                    + GraphFailures.human(wait));
        }
        if (wait.compareTo(Duration.ZERO) > 0) {
            sleeper.sleep(wait);
        }
    }

    void record(String pageId, Usage usage) {
        if (pageId == null) {
            return;
        }
        Lane lane = lanes.computeIfAbsent(pageId, id -> new Lane());
        long now = nanoClock.getAsLong();
        synchronized (lane) {
            lane.slowdown = usage.high()
                    ? Math.min(MAX_SLOWDOWN, lane.slowdown * 2)
                    : Math.max(1, lane.slowdown / 2);
            if (usage.regainAccessIn().compareTo(Duration.ZERO) > 0) {
                lane.holdUntil = Math.max(lane.holdUntil, now + usage.regainAccessIn().toNanos());
            }
        }
    }

    /** For tests and diagnostics: how many times the base interval this Page is currently spaced. */
    int slowdown(String pageId) {
        Lane lane = lanes.get(pageId);
        if (lane == null) {
            return 1;
        }
        synchronized (lane) {
            return lane.slowdown;
        }
    }

    /** Graph asked to hold a Page's calls for longer than we are willing to wait. */
    static final class PageHeldException extends IOException {
        final Duration wait;

        PageHeldException(Duration wait) {
            super("Facebook asked to pause this Page's calls for " + GraphFailures.human(wait));
            this.wait = wait;
        }
    }
}
