package app.inboxsync.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import okhttp3.Headers;

/**
 * What Graph's usage headers say about a response: the highest usage percentage of {@code X-App-Usage},
 * {@code X-Page-Usage} and {@code X-Business-Use-Case-Usage}, and how long Graph asks to stop calling
 * ({@code estimated_time_to_regain_access}, in minutes). The headers appear once usage is noticeable.
 */
record Usage(int maxPercent, Duration regainAccessIn) {
    static final Usage NONE = new Usage(0, Duration.ZERO);
    static final int SLOW_DOWN_PERCENT = 90;

    boolean high() {
        return maxPercent >= SLOW_DOWN_PERCENT;
    }

    static Usage of(Headers headers, ObjectMapper json) {
        String app = headers.get("X-App-Usage");
        String page = headers.get("X-Page-Usage");
        String buc = headers.get("X-Business-Use-Case-Usage");
        if (app == null && page == null && buc == null) {
            return NONE;
        }
        int[] max = {0};
        long[] regainMinutes = {0};
        scan(read(app, json), max, regainMinutes);
        scan(read(page, json), max, regainMinutes);
        JsonNode bucTree = read(buc, json);
        if (bucTree != null) {
            // {"<business id>": [{type, call_count, ..., estimated_time_to_regain_access}, ...], ...}
            for (JsonNode perId : bucTree) {
                if (perId.isArray()) {
                    for (JsonNode entry : perId) {
                        scan(entry, max, regainMinutes);
                    }
                } else {
                    scan(perId, max, regainMinutes);
                }
            }
        }
        return new Usage(max[0], Duration.ofMinutes(regainMinutes[0]));
    }

    private static void scan(JsonNode node, int[] max, long[] regainMinutes) {
        if (node == null || !node.isObject()) {
            return;
        }
        for (String field : new String[] {"call_count", "total_cputime", "total_time"}) {
            max[0] = Math.max(max[0], node.path(field).asInt(0));
        }
        regainMinutes[0] = Math.max(regainMinutes[0], node.path("estimated_time_to_regain_access").asLong(0));
    }

    /** A header that is not JSON is ignored: pacing must never break a call. */
    private static JsonNode read(String header, ObjectMapper json) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return json.readTree(header);
        } catch (Exception e) {
            return null;
        }
    }
}
