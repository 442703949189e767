package app.inboxsync.graph;

import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Message;
import app.inboxsync.domain.Text;
import app.inboxsync.sync.Cursor;
import app.inboxsync.sync.FetchedConversation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Turns Graph's wire shapes into domain records for one Page. */
final class WireMapping {
    private static final Logger log = LoggerFactory.getLogger(WireMapping.class);
    private final ObjectMapper json;

    WireMapping(ObjectMapper json) {
        this.json = json;
    }

    /**
     * @param asked whether a conversation field was asked for; one Graph refused (and so was not asked for) is
     *              unknown: null, not 0 or false. Without a snippet, the newest message's text stands in.
     */
    FetchedConversation conversation(String pageId, Folder folder, Wire.Conversation c, Predicate<String> asked) {
        require(c.id(), "conversation id");
        require(c.updatedTime(), "updated_time of conversation " + c.id());
        JsonNode people = c.participants() == null ? null : c.participants().data();
        JsonNode customer = customerOf(pageId, people);
        String senderId = customer == null ? "unknown:" + c.id() : customer.get("id").asText();
        JsonNode named = customer != null ? customer : nameless(people); // without an id, the name still counts
        String senderName = named == null || !named.hasNonNull("name") ? null : named.get("name").asText();
        Wire.MessagePage nested = c.messages();
        List<Message> messages = nested == null ? List.of() : messages(pageId, c.id(), nested.data());
        String snippet = asked.test("snippet") ? c.snippet() : messages.isEmpty() ? null : messages.get(0).text();
        Conversation conversation = new Conversation(c.id(), pageId, folder, senderId, senderName, snippet,
                GraphTime.parse(c.updatedTime()), asked.test("message_count") ? count(c.messageCount(), "message_count", c.id()) : null,
                asked.test("unread_count") ? count(c.unreadCount(), "unread_count", c.id()) : null,
                asked.test("can_reply") ? Boolean.TRUE.equals(c.canReply()) : null, c.link(),
                people == null ? null : write(people));
        return new FetchedConversation(conversation, messages, next(nested == null ? null : nested.paging()));
    }

    /**
     * Old messages may come back without details; one odd message must not stop a Page's sync forever. A
     * message without an id cannot be stored and is left out; one without a readable time is kept, flagged as
     * lacking details, with the time of its nearest neighbour (the list is newest first), so it keeps its
     * place in the thread.
     */
    List<Message> messages(String pageId, String conversationId, List<Wire.Message> wire) {
        if (wire == null || wire.isEmpty()) {
            return List.of();
        }
        Instant[] times = new Instant[wire.size()];
        for (int i = 0; i < times.length; i++) {
            times[i] = timeOrNull(wire.get(i).createdTime());
        }
        Instant[] resolved = borrowNeighbourTimes(times);
        List<Message> out = new ArrayList<>(wire.size());
        for (int i = 0; i < times.length; i++) {
            Wire.Message m = wire.get(i);
            if (m.id() == null || m.id().isEmpty()) {
                log.debug("A message of conversation {} came without an id; left out", conversationId);
                continue;
            }
            out.add(message(pageId, conversationId, m, resolved[i], times[i] == null));
        }
        return out;
    }

    private Message message(String pageId, String conversationId, Wire.Message m, Instant created,
                            boolean timeMissing) {
        String fromId = m.from() == null ? null : m.from().id();
        String fromName = m.from() == null ? null : m.from().name();
        String text = m.message() == null || m.message().isEmpty() ? null : m.message();
        String extras = extras(m);
        boolean detailsUnavailable = timeMissing || (m.from() == null && text == null && extras == null);
        return new Message(m.id(), conversationId, pageId, fromId, fromName, pageId.equals(fromId), text,
                created, extras, detailsUnavailable);
    }

    private static Instant timeOrNull(String graphTime) {
        try {
            return graphTime == null || graphTime.isEmpty() ? null : GraphTime.parse(graphTime);
        } catch (IllegalArgumentException unreadable) {
            return null;
        }
    }

    /** Fills each gap with the nearest newer time, else the nearest older one, else the epoch (nothing known). */
    static Instant[] borrowNeighbourTimes(Instant[] times) {
        Instant[] out = times.clone();
        Instant newer = null;
        for (int i = 0; i < out.length; i++) {
            if (out[i] == null) {
                out[i] = newer;
            } else {
                newer = out[i];
            }
        }
        Instant older = null;
        for (int i = out.length - 1; i >= 0; i--) {
            if (out[i] == null) {
                out[i] = older != null ? older : Instant.EPOCH;
            } else if (times[i] != null) {
                older = out[i];
            }
        }
        return out;
    }

    static Cursor next(Wire.Paging paging) {
        return paging == null ? null : Cursor.ofNullable(paging.next());
    }

    /** The participant that is not the Page; Graph lists the Page anywhere, so never go by position. */
    private static JsonNode customerOf(String pageId, JsonNode people) {
        if (people == null || !people.isArray()) {
            return null;
        }
        for (JsonNode p : people) {
            JsonNode id = p.get("id");
            if (id != null && id.isValueNode() && !id.asText().isEmpty() && !id.asText().equals(pageId)) {
                return p;
            }
        }
        return null;
    }

    /** A participant that came without an id: the Page always has its own, so this is the customer. */
    private static JsonNode nameless(JsonNode people) {
        if (people == null || !people.isArray()) {
            return null;
        }
        for (JsonNode p : people) {
            JsonNode id = p.get("id");
            if ((id == null || !id.isValueNode() || id.asText().isEmpty()) && p.hasNonNull("name")) {
                return p;
            }
        }
        return null;
    }

    /** Attachments, sticker and shares, as returned, in one object; null when the message has none. */
    private String extras(Wire.Message m) {
        if (absent(m.attachments()) && absent(m.sticker()) && absent(m.shares())) {
            return null;
        }
        ObjectNode node = json.createObjectNode();
        if (!absent(m.attachments())) {
            node.set("attachments", m.attachments());
        }
        if (!absent(m.sticker())) {
            node.set("sticker", m.sticker());
        }
        if (!absent(m.shares())) {
            node.set("shares", m.shares());
        }
        return write(node);
    }

    private static boolean absent(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode();
    }

    private String write(JsonNode node) {
        try {
            return json.writeValueAsString(withoutNul(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed JSON tree could not be written back", e);
        }
    }

    /**
     * jsonb cannot hold U+0000 any more than text can (Jackson writes it as {@code \\u0000}, which PostgreSQL
     * refuses, and the batch with it would fail on every sync): removed from every key and string, as
     * {@code Text.clean} does for plain texts.
     */
    private JsonNode withoutNul(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue().indexOf('\u0000') < 0 ? node : TextNode.valueOf(Text.clean(node.textValue()));
        }
        if (node.isArray()) {
            ArrayNode out = json.createArrayNode();
            node.forEach(e -> out.add(withoutNul(e)));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = json.createObjectNode();
            node.fields().forEachRemaining(e -> out.set(Text.clean(e.getKey()), withoutNul(e.getValue())));
            return out;
        }
        return node;
    }

    /** Graph's counts are estimates; a negative one ({@code -7}) says nothing and is stored as 0. */
    private static int count(Integer n, String field, String conversationId) {
        if (n != null && n < 0) {
            log.info("Conversation {} came with {} {}; stored as 0", conversationId, field, n);
            return 0;
        }
        return n == null ? 0 : n;
    }

    /** A missing key field means Graph sent something we cannot store; the caller reports it as malformed. */
    private static void require(String value, String what) {
        if (value == null || value.isEmpty()) {
            throw new MalformedAnswer(what + " is missing");
        }
    }

    /** Graph's JSON parsed but lacks what every record needs. */
    static final class MalformedAnswer extends RuntimeException {
        MalformedAnswer(String what) {
            super(what);
        }
    }
}
