package app.inboxsync.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Graph batch requests: {@code POST /} with {@code batch=[{"method":"GET","relative_url":"…"}]}. Each
 * sub-request is a call of its own (counted, rate limited, open to faults) and answers inside the envelope
 * as {@code {"code","headers","body"}} with the body as a JSON string.
 */
final class BatchRequests {

    static final int MAX_BATCH = 50;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final GraphCalls calls;

    BatchRequests(GraphCalls calls) {
        this.calls = calls;
    }

    Reply answer(GraphRequest envelope) {
        String batch = envelope.param("batch");
        if (batch == null) {
            return GraphErrors.invalidParameter("(#100) The parameter batch is required", 0);
        }
        JsonNode items;
        try {
            items = MAPPER.readTree(batch);
        } catch (IOException e) {
            items = null;
        }
        if (items == null || !items.isArray()) {
            return GraphErrors.invalidParameter("(#100) The parameter batch must be a JSON array", 0);
        }
        if (items.size() > MAX_BATCH) {
            return GraphErrors.invalidParameter("(#100) Too many requests in batch message. Maximum batch size is "
                    + MAX_BATCH, 0);
        }
        List<Reply> replies = new ArrayList<>(items.size());
        for (JsonNode item : items) {
            Reply reply = calls.call(subRequest(item, envelope));
            if (reply.dropConnection() || reply.cutShort()) {
                return reply; // the connection breaks for the whole batch
            }
            replies.add(reply);
        }
        return envelopeOf(replies);
    }

    private static GraphRequest subRequest(JsonNode item, GraphRequest envelope) {
        String method = item.path("method").asText("GET").toUpperCase();
        String relative = item.path("relative_url").asText("");
        int q = relative.indexOf('?');
        String path = q < 0 ? relative : relative.substring(0, q);
        String query = q < 0 ? null : relative.substring(q + 1);
        GraphRequest sub = GraphRequest.parse(method, path, query, null, Map.of());
        if (sub.token() != null) {
            return sub;
        }
        // Sub-requests without a token of their own use the batch's; their next links must not carry it.
        return new GraphRequest(sub.method(), sub.version().isEmpty() ? envelope.version() : sub.version(), sub.path(),
                sub.params(), envelope.token(), false);
    }

    private static Reply envelopeOf(List<Reply> replies) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(16384);
        try (JsonGenerator g = GraphJson.FACTORY.createGenerator(out)) {
            g.writeStartArray();
            for (Reply r : replies) {
                g.writeStartObject();
                g.writeNumberField("code", r.status());
                g.writeArrayFieldStart("headers");
                for (Map.Entry<String, String> h : r.headers().entrySet()) {
                    g.writeStartObject();
                    g.writeStringField("name", h.getKey());
                    g.writeStringField("value", h.getValue());
                    g.writeEndObject();
                }
                g.writeEndArray();
                g.writeStringField("body", new String(r.body(), StandardCharsets.UTF_8));
                g.writeEndObject();
            }
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Reply.json(200, out.toByteArray());
    }
}
