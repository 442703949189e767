package app.inboxsync.simulator;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Graph call taken apart: version prefix, path, query parameters (in their original order, so
 * {@code next} links can repeat them) and the access token wherever it came from.
 *
 * @param version {@code /v25.0} or empty when the call had no version prefix
 * @param path the path without version, e.g. {@code /123/conversations}
 * @param tokenInQuery whether the token came as {@code access_token} parameter ({@code next} links then carry it)
 */
record GraphRequest(String method, String version, String path, Map<String, String> params, String token,
        boolean tokenInQuery) {

    private static final Pattern VERSIONED = Pattern.compile("^(/v\\d+\\.\\d+)(/.*)?$");

    /** Parses a raw path and query; {@code authorization} is the Authorization header, if any. */
    static GraphRequest parse(String method, String rawPath, String rawQuery, String authorization,
            Map<String, String> extraParams) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath.startsWith("/") ? rawPath : "/" + rawPath;
        String version = "";
        Matcher m = VERSIONED.matcher(path);
        if (m.matches()) {
            version = m.group(1);
            path = m.group(2) == null ? "/" : m.group(2);
        }
        Map<String, String> params = decodeForm(rawQuery);
        boolean tokenInQuery = params.containsKey("access_token");
        params.putAll(extraParams);
        String token = params.get("access_token");
        if (token == null && authorization != null) {
            String[] parts = authorization.trim().split("\\s+", 2);
            if (parts.length == 2 && (parts[0].equalsIgnoreCase("Bearer") || parts[0].equalsIgnoreCase("OAuth"))) {
                token = parts[1];
            }
        }
        return new GraphRequest(method, version, path, params, token, tokenInQuery);
    }

    List<String> segments() {
        return Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
    }

    String param(String name) {
        return params.get(name);
    }

    /** The same call's URL with {@code after} replaced: Graph's {@code paging.next}. */
    String nextUrl(String baseUrl, String after) {
        Map<String, String> next = new LinkedHashMap<>();
        params.forEach((k, v) -> {
            if (!k.equals("after") && !k.equals("before") && (tokenInQuery || !k.equals("access_token"))) {
                next.put(k, v);
            }
        });
        next.put("after", after);
        return baseUrl + version + path + "?" + encodeForm(next);
    }

    static Map<String, String> decodeForm(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(key, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return out;
    }

    static String encodeForm(Map<String, String> params) {
        StringBuilder sb = new StringBuilder();
        params.forEach((k, v) -> {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
        });
        return sb.toString();
    }
}
