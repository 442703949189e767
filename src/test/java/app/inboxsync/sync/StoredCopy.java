package app.inboxsync.sync;

import static org.junit.jupiter.api.Assertions.fail;

import app.inboxsync.simulator.GraphSimulator;
import app.inboxsync.simulator.SimConversation;
import app.inboxsync.simulator.SimMessage;
import app.inboxsync.simulator.SimPage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The test oracle: what the database must hold for a Page, worked out from the simulator's raw ground truth
 * with the storage rules written out here, not by calling any production code (no {@code Text.clean}, no
 * mapper). Every stored text is compared char for char, which for valid UTF-16 is byte for byte in UTF-8;
 * a difference is reported with both values' UTF-8 bytes.
 * <p>
 * The rules:
 * <ul>
 * <li>PostgreSQL text cannot hold U+0000, so it is removed from every text (names, snippets, message
 *     texts, and every string inside the attachment JSON); every other character is kept as it came.</li>
 * <li>A message whose text is absent or empty (after that removal) has no text: NULL.</li>
 * <li>{@code is_from_page} is true exactly when the sender is the Page.</li>
 * <li>{@code attachments} is one JSON object with the keys that message has, of {@code attachments} (the
 *     JSON Graph returned), {@code sticker} (its URL) and {@code shares} (the JSON Graph returned); NULL when
 *     it has none.</li>
 * <li>{@code participants} holds the Page and the customer, each with its id and name as Graph lists them.</li>
 * <li>Only conversations not marked missing are compared: a missing one is gone from Facebook.</li>
 * </ul>
 */
public final class StoredCopy {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN = 5;

    private StoredCopy() {
    }

    /** The storage rule for text: every U+0000 removed, every other char kept in order. */
    public static String withoutNul(String s) {
        if (s == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch != 0) {
                out.append(ch);
            }
        }
        return out.toString();
    }

    /** A stored conversation row; {@code participants} as (id, name) pairs. */
    record ConversationRow(String senderId, String senderName, String lastMessage, Instant lastMessageTime,
                           int messageCount, int unreadCount, String folder, boolean canReply, String link,
                           Set<List<String>> participants) {
    }

    /** A stored message row; {@code attachments} parsed (jsonb reorders keys and spacing, nothing else). */
    record MessageRow(String pageId, String conversationId, String fromId, String fromName, boolean fromPage,
                      String text, Instant createdTime, JsonNode attachments, boolean detailsUnavailable) {
    }

    /** Every conversation and message the simulator has for the page is stored, field for field, and nothing else. */
    public static void assertEqualsSimulator(GraphSimulator sim, DataSource db, String pageId) throws SQLException {
        SimPage page = sim.pages().stream().filter(p -> p.id().equals(pageId)).findFirst().orElseThrow();
        Map<String, ConversationRow> expected = new TreeMap<>();
        Map<String, MessageRow> expectedMessages = new TreeMap<>();
        for (SimConversation c : sim.conversations(pageId)) {
            expected.put(c.id(), expectedConversation(page, c));
            for (SimMessage m : sim.messages(c.id())) {
                expectedMessages.put(m.id(), expectedMessage(pageId, m));
            }
        }
        List<String> differences = new ArrayList<>();
        compare("conversation", expected, storedConversations(db, pageId), differences);
        compare("message", expectedMessages, storedMessages(db, pageId), differences);
        if (!differences.isEmpty()) {
            fail("the stored copy of Page " + pageId + " differs from the simulator's data:\n  "
                    + String.join("\n  ", differences));
        }
    }

    static ConversationRow expectedConversation(SimPage page, SimConversation c) {
        Set<List<String>> participants = new TreeSet<>(StoredCopy::compareLists);
        participants.add(pair(page.id(), withoutNul(page.name())));
        participants.add(pair(c.customerId(), withoutNul(c.customerName())));
        return new ConversationRow(c.customerId(), withoutNul(c.customerName()), withoutNul(c.snippet()),
                c.updatedTime(), c.messageCount(), c.unreadCount(), c.folder(), c.canReply(), c.link(), participants);
    }

    static MessageRow expectedMessage(String pageId, SimMessage m) {
        String text = withoutNul(m.text());
        return new MessageRow(pageId, m.conversationId(), m.fromId(), withoutNul(m.fromName()),
                pageId.equals(m.fromId()), text == null || text.isEmpty() ? null : text, m.createdTime(),
                expectedAttachments(m), m.detailsUnavailable());
    }

    private static JsonNode expectedAttachments(SimMessage m) {
        if (m.attachmentsJson() == null && m.sticker() == null && m.sharesJson() == null) {
            return null;
        }
        ObjectNode o = JSON.createObjectNode();
        if (m.attachmentsJson() != null) {
            o.set("attachments", withoutNul(parse(hostless(m.attachmentsJson()))));
        }
        if (m.sticker() != null) {
            o.put("sticker", withoutNul(hostless(m.sticker())));
        }
        if (m.sharesJson() != null) {
            o.set("shares", withoutNul(parse(m.sharesJson())));
        }
        return o;
    }

    /**
     * Attachment links point at the CDN of the simulator that served them (its own loopback port). A world made
     * again from the same seed (the fault matrix gives each row its own simulator over a copy of one synced
     * database) serves the same files on another port, so links are compared without their host and port.
     */
    private static String hostless(String json) {
        return json == null ? null : json.replaceAll("http://127\\.0\\.0\\.1:\\d+/cdn/", "http://simulator/cdn/");
    }

    /** The U+0000 rule applied to every key and string of a JSON tree. */
    private static JsonNode withoutNul(JsonNode node) {
        if (node.isTextual()) {
            return TextNode.valueOf(withoutNul(node.textValue()));
        }
        if (node.isArray()) {
            ArrayNode out = JSON.createArrayNode();
            node.forEach(e -> out.add(withoutNul(e)));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = JSON.createObjectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                out.set(withoutNul(e.getKey()), withoutNul(e.getValue()));
            }
            return out;
        }
        return node;
    }

    private static Map<String, ConversationRow> storedConversations(DataSource db, String pageId) throws SQLException {
        Map<String, ConversationRow> stored = new TreeMap<>();
        try (Connection conn = db.getConnection();
             PreparedStatement ps = conn.prepareStatement("SELECT conversation_id, sender_id, sender_name, last_message, "
                     + "last_message_time, message_count, unread_count, folder, can_reply, link, participants::text "
                     + "FROM messenger_conversations WHERE page_id = ? AND missing_since IS NULL")) {
            ps.setString(1, pageId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    stored.put(rs.getString(1), new ConversationRow(rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getTimestamp(5).toInstant(), rs.getInt(6), rs.getInt(7), rs.getString(8),
                            rs.getBoolean(9), rs.getString(10), participants(rs.getString(11))));
                }
            }
        }
        return stored;
    }

    private static Set<List<String>> participants(String json) {
        Set<List<String>> out = new TreeSet<>(StoredCopy::compareLists);
        if (json == null) {
            return out;
        }
        for (JsonNode p : parse(json)) {
            out.add(pair(p.path("id").textValue(), p.path("name").textValue()));
        }
        return out;
    }

    private static Map<String, MessageRow> storedMessages(DataSource db, String pageId) throws SQLException {
        Map<String, MessageRow> stored = new TreeMap<>();
        try (Connection conn = db.getConnection();
             PreparedStatement ps = conn.prepareStatement("SELECT m.message_id, m.page_id, m.conversation_id, m.from_id, "
                     + "m.from_name, m.is_from_page, m.text, m.created_time, m.attachments::text, m.details_unavailable "
                     + "FROM messenger_messages m JOIN messenger_conversations c USING (conversation_id) "
                     + "WHERE m.page_id = ? AND c.missing_since IS NULL")) {
            ps.setString(1, pageId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String attachments = rs.getString(9);
                    MessageRow row = new MessageRow(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getBoolean(6), rs.getString(7), rs.getTimestamp(8).toInstant(),
                            attachments == null ? null : parse(hostless(attachments)), rs.getBoolean(10));
                    if (stored.put(rs.getString(1), row) != null) {
                        throw new AssertionError("message " + rs.getString(1) + " is stored twice");
                    }
                }
            }
        }
        return stored;
    }

    private static <T extends Record> void compare(String what, Map<String, T> expected, Map<String, T> stored,
                                                   List<String> differences) {
        int before = differences.size();
        for (Map.Entry<String, T> e : expected.entrySet()) {
            T have = stored.get(e.getKey());
            if (have == null) {
                differences.add(what + " " + e.getKey() + " is not stored");
            } else if (!e.getValue().equals(have)) {
                differences.add(what + " " + e.getKey() + ": " + fieldDifferences(e.getValue(), have));
            }
        }
        for (String id : stored.keySet()) {
            if (!expected.containsKey(id)) {
                differences.add(what + " " + id + " is stored but the simulator has no such " + what);
            }
        }
        int found = differences.size() - before;
        if (found > SHOWN) {
            differences.subList(before + SHOWN, differences.size()).clear();
            differences.add("… and " + (found - SHOWN) + " more " + what + " differences (" + expected.size()
                    + " expected, " + stored.size() + " stored)");
        }
    }

    /** Names each field that differs, texts with their UTF-8 bytes. */
    private static String fieldDifferences(Record expected, Record stored) {
        List<String> out = new ArrayList<>();
        try {
            for (var component : expected.getClass().getRecordComponents()) {
                Object want = component.getAccessor().invoke(expected);
                Object have = component.getAccessor().invoke(stored);
                if (!Objects.equals(want, have)) {
                    out.add(component.getName() + " expected " + show(want) + " but stored " + show(have));
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return String.join("; ", out);
    }

    private static String show(Object value) {
        if (value instanceof String s) {
            String shown = s.length() > 80 ? s.substring(0, 80) + "…" : s;
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            return "\"" + shown + "\" (UTF-8 " + HexFormat.of().formatHex(bytes, 0, Math.min(bytes.length, 60))
                    + (bytes.length > 60 ? "…" : "") + ")";
        }
        return String.valueOf(value);
    }

    private static List<String> pair(String id, String name) {
        List<String> p = new ArrayList<>(2);
        p.add(id);
        p.add(name);
        return p;
    }

    private static int compareLists(List<String> a, List<String> b) {
        java.util.Comparator<String> nullsFirst = java.util.Comparator.nullsFirst(java.util.Comparator.naturalOrder());
        for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
            int c = nullsFirst.compare(a.get(i), b.get(i));
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.size(), b.size());
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }
}
