package app.inboxsync.simulator;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The simulated CDN's links and its awkwardness. Generated messages name their files as {@code cdn:///path};
 * when Graph serves them they become links on the simulator's own host ({@code /cdn/path}), never Facebook's.
 * With a link lifetime set, each served link carries Facebook's {@code oe} (expiry, hex epoch seconds) and
 * {@code oh} (signature) parameters and is refused with 403 once expired, as Facebook's CDN does; asking Graph
 * for the message again gives a fresh link. Files can be made gone (404), slow, or broken for a few answers.
 */
public final class CdnLinks {

    static final String PLACEHOLDER = "cdn://";
    private static final Pattern LINK = Pattern.compile("cdn://(/[^\"?\\\\]*)");

    private volatile String base = "http://127.0.0.1";
    private volatile Duration lifetime = Duration.ZERO;
    private volatile long bytesPerSecond;
    private final AtomicLong clockOffsetSeconds = new AtomicLong();
    private final Set<String> gone = ConcurrentHashMap.newKeySet();
    private final AtomicLong downloads = new AtomicLong();
    private final Map<String, Queue<Breakage>> breakages = new ConcurrentHashMap<>();

    /** How one answer of a file breaks, as a CDN edge does now and then: worth trying again. */
    public enum Breakage {
        /** 503 Service Unavailable, no body. */
        UNAVAILABLE,
        /** 200 with the whole length announced, then the connection closed half-way through the body. */
        DROPPED
    }

    void serveFrom(String baseUrl) {
        this.base = baseUrl;
    }

    /** How long a served link works; zero (the default) serves links without expiry, as the ground truth has them. */
    public void setLinkLifetime(Duration d) {
        if (d == null || d.isNegative()) {
            throw new IllegalArgumentException("link lifetime must be zero (never expires) or positive, was " + d);
        }
        lifetime = d;
    }

    /** Moves the CDN's clock past the lifetime: every link served so far is expired, new ones work. */
    public void expireServedLinks() {
        clockOffsetSeconds.addAndGet(Math.max(1, lifetime.toSeconds()) + 1);
    }

    /** The file behind this link (any form of it) answers 404 from now on, fresh links included. */
    public void remove(String link) {
        gone.add(path(link));
    }

    /** The next answers for this file (any form of its link) break, one answer per entry, in this order. */
    public void breakNext(String link, Breakage... answers) {
        breakages.computeIfAbsent(path(link), p -> new ConcurrentLinkedQueue<>()).addAll(java.util.List.of(answers));
    }

    /** How this answer for the file breaks, or null when it is served whole. */
    Breakage nextBreakage(String path) {
        Queue<Breakage> q = breakages.get(path);
        return q == null ? null : q.poll();
    }

    /** Serves files at most this fast (0 = as fast as it can): a slow CDN. */
    public void setBytesPerSecond(long bps) {
        if (bps < 0) {
            throw new IllegalArgumentException("bytes per second must be >= 0 (0 = unthrottled), was " + bps);
        }
        bytesPerSecond = bps;
    }

    /** File answers with a body started so far (any status 200). */
    public long downloads() {
        return downloads.get();
    }

    /** Graph's form: links on this host with, when links expire, fresh {@code oe}/{@code oh}. */
    String served(String json) {
        return json == null || !json.contains(PLACEHOLDER) ? json : rewrite(json, lifetime.isZero() ? -1 : now() + lifetime.toSeconds());
    }

    /** The ground truth's form: links on this host without expiry. */
    String truth(String json) {
        return json == null || !json.contains(PLACEHOLDER) ? json : rewrite(json, -1);
    }

    private String rewrite(String json, long expiry) {
        Matcher m = LINK.matcher(json);
        StringBuilder out = new StringBuilder(json.length() + 64);
        while (m.find()) {
            String path = "/cdn" + m.group(1);
            String link = base + path + (expiry < 0 ? "" : "?oe=" + Long.toHexString(expiry) + "&oh=" + signature(path, expiry));
            m.appendReplacement(out, Matcher.quoteReplacement(link));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Null when the link may be served, else the status and Facebook's words for why not. */
    Refusal check(String path, String oe, String oh) {
        if (gone.contains(path)) {
            return new Refusal(404, "Content not found");
        }
        if (lifetime.isZero()) {
            return null;
        }
        long expiry;
        try {
            expiry = Long.parseLong(Objects.requireNonNullElse(oe, ""), 16);
        } catch (NumberFormatException e) {
            return new Refusal(403, "Bad URL hash");
        }
        if (!signature(path, expiry).equals(oh)) {
            return new Refusal(403, "Bad URL hash");
        }
        return expiry <= now() ? new Refusal(403, "URL signature expired") : null;
    }

    record Refusal(int status, String text) { }

    long bytesPerSecond() {
        return bytesPerSecond;
    }

    void counted() {
        downloads.incrementAndGet();
    }

    private long now() {
        return System.currentTimeMillis() / 1000 + clockOffsetSeconds.get();
    }

    private static String signature(String path, long expiry) {
        return Long.toHexString(Ids.mix(path.hashCode() * 0x9E3779B97F4A7C15L ^ expiry ^ 0x5EEDL));
    }

    private static String path(String link) {
        String p = link.startsWith(PLACEHOLDER) ? "/cdn" + link.substring(PLACEHOLDER.length()) : link;
        int scheme = p.indexOf("://");
        if (scheme >= 0) {
            p = p.substring(p.indexOf('/', scheme + 3));
        }
        int q = p.indexOf('?');
        return q < 0 ? p : p.substring(0, q);
    }
}
