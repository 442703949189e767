package app.inboxsync.simulator;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Writes conversations and messages in Graph's shapes, streaming, with only the requested fields.
 * Nested edges ({@code messages}) page on their own, like Graph's.
 */
final class GraphJson {

    static final JsonFactory FACTORY = new JsonFactory();
    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;

    static final Set<String> CONVERSATION_FIELDS = Set.of("id", "updated_time", "participants", "senders",
            "message_count", "unread_count", "snippet", "can_reply", "link", "messages");
    static final Set<String> MESSAGE_FIELDS = Set.of("id", "created_time", "from", "to", "message", "attachments",
            "sticker", "shares", "tags");
    static final List<FieldSpec> DEFAULT_CONVERSATION = fields("id", "link", "updated_time");
    static final List<FieldSpec> DEFAULT_MESSAGE = fields("id", "created_time");

    private final World world;
    private final String baseUrl;

    GraphJson(World world, String baseUrl) {
        this.world = world;
        this.baseUrl = baseUrl;
    }

    /** The first field Graph would reject as {@code (#100) nonexisting field}, as {field, node type}, or null. */
    static String[] unknownConversationField(List<FieldSpec> specs) {
        for (FieldSpec f : specs) {
            if (!CONVERSATION_FIELDS.contains(f.name())) {
                return new String[] {f.name(), "UnifiedThread"};
            }
            if (f.name().equals("messages")) {
                String unknown = unknownField(f.children(), MESSAGE_FIELDS);
                if (unknown != null) {
                    return new String[] {unknown, "Message"};
                }
            }
        }
        return null;
    }

    static String unknownField(List<FieldSpec> specs, Set<String> known) {
        return specs.stream().map(FieldSpec::name).filter(n -> !known.contains(n)).findFirst().orElse(null);
    }

    /** {@code limit} as Graph treats it: default 25, silently capped at 100. */
    static int limit(String raw) {
        if (raw == null || raw.isBlank()) {
            return DEFAULT_LIMIT;
        }
        int n = Integer.parseInt(raw.trim()); // NumberFormatException becomes a (#100) by the caller
        return Math.max(1, Math.min(MAX_LIMIT, n));
    }

    void conversation(JsonGenerator g, StoredConversation c, List<FieldSpec> fields, GraphRequest request)
            throws IOException {
        String id = world.ids.conversationId(c.number());
        g.writeStartObject();
        for (FieldSpec f : fields) {
            switch (f.name()) {
                case "id" -> g.writeStringField("id", id);
                case "updated_time" -> g.writeStringField("updated_time", GraphTime.format(c.updatedTime()));
                case "link" -> g.writeStringField("link", world.link(c));
                case "message_count" -> g.writeNumberField("message_count", c.messageCount());
                case "unread_count" -> g.writeNumberField("unread_count", c.unread());
                case "can_reply" -> g.writeBooleanField("can_reply", !c.customerDeleted());
                case "snippet" -> g.writeStringField("snippet", world.describe(c).snippet());
                case "participants", "senders" -> {
                    g.writeObjectFieldStart(f.name());
                    g.writeArrayFieldStart("data");
                    SimPage page = world.pages.get(c.page());
                    if (c.pageListedFirst()) {
                        person(g, page.id(), page.name());
                    }
                    person(g, world.ids.customerId(c.number()), world.messages.customerName(c));
                    if (!c.pageListedFirst()) {
                        person(g, page.id(), page.name());
                    }
                    g.writeEndArray();
                    g.writeEndObject();
                }
                case "messages" -> {
                    List<FieldSpec> sub = f.children().isEmpty() ? DEFAULT_MESSAGE : f.children();
                    int limit = limit(f.modifiers().get("limit"));
                    String prefix = baseUrl + request.version() + "/" + id + "/messages?"
                            + (request.tokenInQuery() ? "access_token=" + encode(request.token()) + "&" : "")
                            + (f.children().isEmpty() ? "" : "fields=" + encode(FieldSpec.render(f.children())) + "&")
                            + "limit=" + limit + "&after=";
                    g.writeFieldName("messages");
                    messagesEdge(g, c, -1, limit, sub, after -> prefix + after);
                }
                default -> throw new IllegalStateException("unvalidated field " + f.name());
            }
        }
        g.writeEndObject();
    }

    /** A page of a conversation's messages, newest first, after the message with {@code afterSeq} (-1: newest). */
    void messagesEdge(JsonGenerator g, StoredConversation c, int afterSeq, int limit, List<FieldSpec> fields,
            Function<String, String> nextUrl) throws IOException {
        int total = c.messageCount();
        int position = afterSeq < 0 ? 0 : Math.max(0, total - afterSeq);
        List<SimMessage> page = world.messages.newestFirst(c, position, limit);
        g.writeStartObject();
        g.writeArrayFieldStart("data");
        String conversationId = world.ids.conversationId(c.number());
        for (int i = 0; i < page.size(); i++) {
            switch (world.withholding.detailAt(conversationId, total, position + i)) {
                case FULL -> message(g, c, page.get(i), fields);
                case TIME_AND_ID -> message(g, c, withoutDetails(page.get(i)), fields);
                case ID_ONLY -> {
                    g.writeStartObject();
                    g.writeStringField("id", page.get(i).id());
                    g.writeEndObject();
                }
            }
        }
        g.writeEndArray();
        if (!page.isEmpty()) {
            int firstSeq = total - 1 - position;
            int lastSeq = firstSeq - (page.size() - 1);
            String after = Cursors.message(c.number(), lastSeq);
            paging(g, Cursors.message(c.number(), firstSeq), after, lastSeq > 0 ? nextUrl.apply(after) : null);
        }
        g.writeEndObject();
    }

    private static SimMessage withoutDetails(SimMessage m) {
        return new SimMessage(m.id(), m.conversationId(), m.createdTime(), null, null, List.of(), null, null, null,
                null, true);
    }

    void message(JsonGenerator g, StoredConversation c, SimMessage m, List<FieldSpec> fields) throws IOException {
        g.writeStartObject();
        for (FieldSpec f : fields) {
            String name = f.name();
            if (name.equals("id")) {
                g.writeStringField("id", m.id());
            } else if (name.equals("created_time")) {
                g.writeStringField("created_time", GraphTime.format(m.createdTime().getEpochSecond()));
            } else if (m.detailsUnavailable()) {
                continue; // Graph no longer has the details of some old messages: id and time only
            } else {
                switch (name) {
                    case "from" -> {
                        g.writeFieldName("from");
                        person(g, m.fromId(), m.fromName());
                    }
                    case "to" -> {
                        g.writeObjectFieldStart("to");
                        g.writeArrayFieldStart("data");
                        for (String to : m.toIds()) {
                            person(g, to, nameOf(c, to));
                        }
                        g.writeEndArray();
                        g.writeEndObject();
                    }
                    case "message" -> {
                        if (m.text() != null) {
                            g.writeStringField("message", m.text());
                        }
                    }
                    case "attachments" -> raw(g, "attachments", world.cdn.served(m.attachmentsJson()));
                    case "sticker" -> {
                        if (m.sticker() != null) {
                            g.writeStringField("sticker", world.cdn.served(m.sticker()));
                        }
                    }
                    case "shares" -> raw(g, "shares", m.sharesJson());
                    case "tags" -> raw(g, "tags", m.fromId().equals(world.pages.get(c.page()).id())
                            ? "{\"data\":[{\"name\":\"source:chat\"},{\"name\":\"sent\"}]}"
                            : "{\"data\":[{\"name\":\"inbox\"},{\"name\":\"read\"}]}");
                    default -> throw new IllegalStateException("unvalidated field " + name);
                }
            }
        }
        g.writeEndObject();
    }

    static void paging(JsonGenerator g, String before, String after, String next) throws IOException {
        g.writeObjectFieldStart("paging");
        g.writeObjectFieldStart("cursors");
        g.writeStringField("before", before);
        g.writeStringField("after", after);
        g.writeEndObject();
        if (next != null) {
            g.writeStringField("next", next);
        }
        g.writeEndObject();
    }

    /** A participant, sender or recipient: {@code {name, email: <id>@facebook.com, id}}; no name when deleted. */
    static void person(JsonGenerator g, String id, String name) throws IOException {
        g.writeStartObject();
        if (name != null) {
            g.writeStringField("name", name);
        }
        g.writeStringField("email", id + "@facebook.com");
        g.writeStringField("id", id);
        g.writeEndObject();
    }

    private String nameOf(StoredConversation c, String id) {
        SimPage page = world.pages.get(c.page());
        return id.equals(page.id()) ? page.name() : world.messages.customerName(c);
    }

    private static void raw(JsonGenerator g, String field, String json) throws IOException {
        if (json != null) {
            g.writeFieldName(field);
            g.writeRawValue(json);
        }
    }

    private static String encode(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static List<FieldSpec> fields(String... names) {
        return java.util.Arrays.stream(names).map(n -> new FieldSpec(n, Map.of(), List.of())).toList();
    }
}
