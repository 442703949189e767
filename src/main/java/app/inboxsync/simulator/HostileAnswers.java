package app.inboxsync.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The answers a broken or hostile Graph server gives (the last group of {@link Fault}): next links that lead
 * back to the same page, bodies that never end or are huge or trickle in, odd values (a year 9999, a negative
 * count, a participant without an id) and data listed twice (a conversation in two folders, a message in two
 * conversations). Each changes the normal answer on its way out; anything else passes unchanged.
 */
final class HostileAnswers {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MESSAGE_FIELDS = "id,created_time,from,to,message,attachments,sticker,shares";
    /** An endless body still ends somewhere, in case a client never hangs up. */
    private static final long ENDLESS_STOPS_AT = 8L << 30;

    private final World world;
    private final GraphRoutes routes;

    HostileAnswers(World world, GraphRoutes routes) {
        this.world = world;
        this.routes = routes;
    }

    Reply change(Reply reply, Fault fault, GraphRequest req, int tokenPage, long seq) {
        if (fault == null || reply.dropConnection() || reply.status() != 200) {
            return reply;
        }
        if (fault instanceof Fault.RepeatingNext r) {
            return edit(reply, tree -> repeatNext(tree, req, r.sameLink(), seq));
        }
        if (fault instanceof Fault.EndlessBody) {
            return reply.streamed(new Reply.Streaming(-1, HostileAnswers::endless));
        }
        if (fault instanceof Fault.OversizedBody o) {
            return padded(reply, o.bytes());
        }
        if (fault instanceof Fault.Trickle t) {
            byte[] body = reply.body();
            return reply.streamed(new Reply.Streaming(body.length, out -> trickle(out, body, t.bytesPerSecond())));
        }
        if (fault instanceof Fault.HugeText h) {
            return edit(reply, tree -> {
                ObjectNode m = newestMessage(tree);
                if (m != null) {
                    m.put("message", "0123456789 ".repeat(h.chars() / 11 + 1).substring(0, h.chars()));
                }
            });
        }
        if (fault instanceof Fault.OddTime o) {
            return edit(reply, tree -> firstConversation(tree, c -> c.put("updated_time", o.updatedTime())));
        }
        if (fault instanceof Fault.OddCount o) {
            return edit(reply, tree -> firstConversation(tree, c -> c.put("message_count", o.messageCount())));
        }
        if (fault instanceof Fault.ParticipantWithoutId) {
            String pageId = tokenPage < 0 ? "" : world.pages.get(tokenPage).id();
            return edit(reply, tree -> {
                for (JsonNode c : tree.path("data")) {
                    for (JsonNode p : c.path("participants").path("data")) {
                        if (p instanceof ObjectNode person && !pageId.equals(person.path("id").asText())) {
                            person.remove("id");
                            person.remove("email");
                        }
                    }
                }
            });
        }
        if (fault instanceof Fault.AlsoListedIn a) {
            if (!GraphCalls.isConversationListing(req) || req.param("after") != null
                    || !a.folder().equalsIgnoreCase(String.valueOf(req.param("folder")))) {
                return reply;
            }
            JsonNode extra = single(req, a.conversationId(), req.param("fields"), tokenPage, seq);
            return extra == null ? reply : edit(reply, tree -> insertNewestFirst(tree.path("data"), extra, "updated_time"));
        }
        if (fault instanceof Fault.SharedMessage s) {
            JsonNode extra = single(req, s.messageId(), MESSAGE_FIELDS, tokenPage, seq);
            if (extra == null) {
                return reply;
            }
            return edit(reply, tree -> {
                if (req.path().equals("/" + s.conversationId() + "/messages") && req.param("after") == null) {
                    insertNewestFirst(tree.path("data"), extra, "created_time");
                }
                for (JsonNode c : tree.path("data")) {
                    if (s.conversationId().equals(c.path("id").asText())) {
                        insertNewestFirst(c.path("messages").path("data"), extra, "created_time");
                    }
                }
            });
        }
        return reply;
    }

    /** The listing's next link (and every nested message list's that has one) leads back to the page in hand. */
    private void repeatNext(ObjectNode tree, GraphRequest req, boolean sameLink, long seq) {
        if (!tree.has("data")) {
            return;
        }
        String again = sameLink ? "" : "&again=" + seq;
        tree.with("paging").put("next", selfUrl(req) + again);
        if (!GraphCalls.isConversationListing(req)) {
            return;
        }
        for (JsonNode c : tree.path("data")) {
            if (c.path("messages") instanceof ObjectNode nested && nested.path("paging").has("next")) {
                // The newest messages again: exactly what the nested list already held.
                nested.with("paging").put("next", routes.baseUrl() + req.version() + "/" + c.path("id").asText()
                        + "/messages?limit=" + nested.path("data").size() + "&fields=" + MESSAGE_FIELDS + again);
            }
        }
    }

    private String selfUrl(GraphRequest req) {
        Map<String, String> params = new LinkedHashMap<>();
        req.params().forEach((k, v) -> {
            if (req.tokenInQuery() || !k.equals("access_token")) {
                params.put(k, v);
            }
        });
        return routes.baseUrl() + req.version() + req.path() + "?" + GraphRequest.encodeForm(params);
    }

    /** The object {@code id} as Graph answers it on its own, with {@code fields}; null when that fails. */
    private JsonNode single(GraphRequest req, String id, String fields, int tokenPage, long seq) {
        Map<String, String> params = new LinkedHashMap<>();
        if (fields != null) {
            params.put("fields", fields);
        }
        GraphRequest one = new GraphRequest("GET", req.version(), "/" + id, params, req.token(), false);
        Reply r = routes.answer(one, new GraphRoutes.Caller(tokenPage), false, seq);
        try {
            return r.status() == 200 ? JSON.readTree(r.body()) : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Puts {@code item} into a newest-first list at its place by {@code timeField} (Graph times sort as text). */
    private static void insertNewestFirst(JsonNode list, JsonNode item, String timeField) {
        if (!(list instanceof ArrayNode array)) {
            return;
        }
        String time = item.path(timeField).asText();
        int at = 0;
        while (at < array.size() && array.get(at).path(timeField).asText().compareTo(time) > 0) {
            at++;
        }
        array.insert(at, item.deepCopy());
    }

    private static void firstConversation(ObjectNode tree, Consumer<ObjectNode> change) {
        if (tree.path("data").path(0) instanceof ObjectNode c) {
            change.accept(c);
        }
    }

    /** The first message of the answer: on the messages edge, or nested in the first conversation that has one. */
    private static ObjectNode newestMessage(ObjectNode tree) {
        for (JsonNode item : tree.path("data")) {
            if (item.has("messages")) {
                if (item.path("messages").path("data").path(0) instanceof ObjectNode m) {
                    return m;
                }
            } else if (item instanceof ObjectNode m && item.has("created_time")) {
                return m;
            }
        }
        return null;
    }

    private static Reply edit(Reply reply, Consumer<ObjectNode> change) {
        try {
            JsonNode tree = JSON.readTree(reply.body());
            if (!(tree instanceof ObjectNode object)) {
                return reply;
            }
            change.accept(object);
            return reply.withBody(JSON.writeValueAsBytes(object));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The normal answer with a {@code padding} field that brings it to {@code bytes}, streamed, never held. */
    private static Reply padded(Reply reply, long bytes) {
        byte[] body = reply.body();
        int close = body.length - 1;
        while (close > 0 && body[close] != '}') {
            close--;
        }
        byte[] head = (new String(body, 0, close, StandardCharsets.UTF_8) + ",\"padding\":\"")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\"}".getBytes(StandardCharsets.UTF_8);
        long pad = Math.max(0, bytes - head.length - tail.length);
        return reply.streamed(new Reply.Streaming(head.length + pad + tail.length, out -> {
            out.write(head);
            byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            for (long left = pad; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
            out.write(tail);
        }));
    }

    private static void endless(OutputStream out) throws IOException {
        out.write("{\"data\":[".getBytes(StandardCharsets.US_ASCII));
        StringBuilder chunk = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            chunk.append("{\"id\":\"t_endless\",\"updated_time\":\"2024-11-10T17:00:00+0000\",\"snippet\":\"again\"},");
        }
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.US_ASCII);
        for (long written = 0; written < ENDLESS_STOPS_AT; written += bytes.length) {
            out.write(bytes); // throws once the client has hung up
        }
    }

    private static void trickle(OutputStream out, byte[] body, int bytesPerSecond) throws IOException {
        long pause = Math.max(1, 1000L / bytesPerSecond);
        for (byte b : body) {
            out.write(b);
            out.flush();
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
