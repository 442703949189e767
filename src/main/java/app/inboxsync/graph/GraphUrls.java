package app.inboxsync.graph;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/** URL chores: following {@code next} links safely, shrinking page sizes, and redacting for logs. */
final class GraphUrls {
    static final String ACCESS_TOKEN = "access_token";
    static final String APPSECRET_PROOF = "appsecret_proof";

    private static final Pattern NESTED_LIMIT = Pattern.compile("\\.limit\\((\\d+)\\)");
    private static final Pattern TOP_LIMIT = Pattern.compile("(?:^|&)limit=([^&]*)");
    private static final Pattern URL_QUERY = Pattern.compile("(https?://[^\\s?#\"']*)[?#][^\\s\"']*");

    private GraphUrls() {
    }

    /**
     * A {@code paging.next} URL exactly as Graph gave it, minus any {@code access_token}: the token travels in
     * the Authorization header, so no URL we send or log carries it. Returns null when the URL is not http(s).
     */
    static HttpUrl followable(String next) {
        HttpUrl url = HttpUrl.parse(next);
        if (url == null) {
            return null;
        }
        return url.queryParameter(ACCESS_TOKEN) == null
                ? url : url.newBuilder().removeAllQueryParameters(ACCESS_TOKEN).build();
    }

    /**
     * For Graph's code 1 ("reduce the amount of data"): halves {@code limit} and every nested
     * {@code .limit(N)} inside {@code fields}, never below 1.
     */
    static HttpUrl halveLimits(HttpUrl url) {
        HttpUrl.Builder b = url.newBuilder();
        String limit = url.queryParameter("limit");
        if (limit != null && limit.matches("\\d+")) {
            b.setQueryParameter("limit", Integer.toString(half(Integer.parseInt(limit))));
        }
        String fields = url.queryParameter("fields");
        if (fields != null) {
            Matcher m = NESTED_LIMIT.matcher(fields);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, ".limit(" + half(Integer.parseInt(m.group(1))) + ")");
            }
            m.appendTail(out);
            b.setQueryParameter("fields", out.toString());
        }
        return b.build();
    }

    /**
     * A followed {@code next} link with its top-level {@code limit} set to {@code limit}, everything else exactly as
     * Graph gave it: Graph's link repeats the limit of the page it came from, so an engine that asks for bigger
     * pages later in a listing (25, then 50, 100) has to say so on the link.
     */
    static HttpUrl withLimit(HttpUrl url, int limit) {
        String query = url.encodedQuery();
        Matcher m = TOP_LIMIT.matcher(query == null ? "" : query);
        if (!m.find()) {
            return url.newBuilder().addQueryParameter("limit", Integer.toString(limit)).build();
        }
        String replaced = query.substring(0, m.start(1)) + limit + query.substring(m.end(1));
        return url.newBuilder().encodedQuery(replaced).build();
    }

    private static int half(int n) {
        return Math.max(1, n / 2);
    }

    /** The URL for a log line: every credential-like query value replaced by ***. */
    static String redacted(HttpUrl url) {
        HttpUrl.Builder b = url.newBuilder();
        for (String name : url.queryParameterNames()) {
            if (name.equals(ACCESS_TOKEN) || name.equals(APPSECRET_PROOF) || name.contains("token")) {
                b.setQueryParameter(name, "***");
            }
        }
        return b.build().toString();
    }

    /** What a call was about, for people: the path without any query. */
    static String describe(HttpUrl url) {
        return url.encodedPath();
    }

    /** Removes query strings from any URL inside a third-party message (they may carry tokens). */
    static String stripQueries(String text) {
        return text == null ? null : URL_QUERY.matcher(text).replaceAll("$1");
    }
}
