package app.inboxsync.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.SyncMode;
import app.inboxsync.simulator.Fault;
import app.inboxsync.simulator.SimConversation;
import app.inboxsync.simulator.SimMessage;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Data Facebook really sends, at its most awkward: every text comes back byte for byte (U+0000 stripped by
 * rule), odd shapes are stored as they are, and a field of the wrong type stops the sync with a sentence that
 * names it and nothing half-written.
 */
class AwkwardDataTest {
    private SyncFixture fx;
    private SimPage page;

    @BeforeEach
    void start() {
        fx = new SyncFixture(SimulatorConfig.small(808).withPages(2).withConversations(40));
        page = fx.page(0);
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void everyTextRoundTripsByteForByteExceptU0000() throws Exception {
        assertTrue(fx.sync(page).succeeded());
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("nul", "before\u0000after\u0000");
        texts.put("emoji", "👍🏽 👨‍👩‍👧‍👦 🇳🇴 🫠 \uD83D\uDE00");
        texts.put("rtl", "مرحبا بالعالم — שלום עולם \u200F(rtl mark)\u202E reversed\u202C");
        texts.put("combining", "e\u0301 n\u0303 Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǫ̗͕ \u0915\u094D\u0937");
        texts.put("whitespace", "  leading and trailing  \r\n\ttabs\u00A0nbsp\u2028line sep ");
        texts.put("json-ish", "{\"not\": \"json\"} \\ \\u0000 ' \" <b>&amp;</b>");
        StringBuilder big = new StringBuilder();
        while (big.length() < 64 * 1024) {
            big.append("64 KB of text with 4-byte 𝄞 and 3-byte € and 2-byte é; ");
        }
        texts.put("64KB", big.substring(0, 64 * 1024 - 1) + "!");
        List<SimConversation> all = fx.sim.conversations(page.id());
        Map<String, String> idToKey = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, String> t : texts.entrySet()) {
            SimMessage m = fx.sim.addMessage(all.get(i++ % all.size()).id(), i % 2 == 0, t.getValue());
            idToKey.put(m.id(), t.getKey());
        }

        SyncResult result = fx.sync(page);

        assertTrue(result.succeeded(), result.error());
        fx.assertStoredEqualsSimulator(page);
        try (Connection c = fx.db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement("SELECT text FROM messenger_messages WHERE message_id = ?")) {
            for (Map.Entry<String, String> e : idToKey.entrySet()) {
                s.setString(1, e.getKey());
                try (ResultSet rs = s.executeQuery()) {
                    assertTrue(rs.next(), e.getValue());
                    String expected = texts.get(e.getValue()).replace("\u0000", "");
                    assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), rs.getString(1).getBytes(StandardCharsets.UTF_8),
                            e.getValue() + " comes back byte for byte");
                }
            }
        }
        assertEquals(0, fx.count("SELECT count(*) FROM messenger_conversations WHERE strpos(last_message, chr(65533)) > 0"),
                "no replacement characters: nothing was cut inside a character");
    }

    @Test
    void u0000InNamesSnippetsAndAttachmentsIsRemovedAndNothingElse() throws Exception {
        assertTrue(fx.sync(page).succeeded());
        SimConversation target = fx.sim.conversations(page.id()).get(0);
        fx.sim.addMessage(target.id(), true, "hello");
        String nulName = "Zo\u00eb\u0000 \u0000Smith 👍🏽";
        String nulSnippet = "\u0000snip\u0000pet";
        String nulFile = "photo\u0000.jpg";
        fx.sim.faults().failNext(1, new Fault.EditedJson(listing(body -> {
            for (JsonNode c : body.path("data")) {
                if (!c.path("id").asText().equals(target.id())) {
                    continue;
                }
                ((ObjectNode) c).put("snippet", nulSnippet);
                c.path("participants").path("data").forEach(p -> renameCustomer(p, page.id(), nulName));
                for (JsonNode m : c.path("messages").path("data")) {
                    renameCustomer(m.path("from"), page.id(), nulName);
                    ((ObjectNode) m).putObject("attachments").putArray("data").addObject().put("name", nulFile)
                            .putObject("image_data").put("url", "https://cdn.example.com/\u0000x");
                }
            }
            return body;
        })), call -> call.path().endsWith("/conversations"));

        SyncResult result = fx.sync(page);

        assertTrue(result.succeeded(), result.error());
        String name = "Zo\u00eb Smith 👍🏽"; // written out: the rule is "remove U+0000", not "replace" or "trim"
        assertEquals(name, stringOf("SELECT sender_name FROM messenger_conversations WHERE conversation_id = '" + target.id() + "'"));
        assertEquals("snippet", stringOf("SELECT last_message FROM messenger_conversations WHERE conversation_id = '" + target.id() + "'"));
        assertEquals(name, stringOf("SELECT participants -> 0 ->> 'name' FROM messenger_conversations WHERE conversation_id = '"
                + target.id() + "' AND participants -> 0 ->> 'id' <> '" + page.id() + "' UNION ALL SELECT participants -> 1 ->> 'name' "
                + "FROM messenger_conversations WHERE conversation_id = '" + target.id() + "' AND participants -> 1 ->> 'id' <> '"
                + page.id() + "'"));
        assertTrue(fx.count("SELECT count(*) FROM messenger_messages WHERE conversation_id = '" + target.id() + "' AND from_id <> '"
                + page.id() + "' AND from_name = '" + name + "'") > 0, "the customer's messages carry the name without U+0000");
        long files = fx.count("SELECT count(*) FROM messenger_messages WHERE conversation_id = '" + target.id()
                + "' AND attachments -> 'attachments' -> 'data' -> 0 ->> 'name' = 'photo.jpg'"
                + " AND attachments -> 'attachments' -> 'data' -> 0 -> 'image_data' ->> 'url' = 'https://cdn.example.com/x'");
        assertTrue(files > 0, "attachment strings without U+0000");
        assertEquals(0, fx.count("SELECT count(*) FROM messenger_messages WHERE strpos(attachments::text, 'photo') > 0 "
                + "AND conversation_id = '" + target.id() + "' AND attachments -> 'attachments' -> 'data' -> 0 ->> 'name' <> 'photo.jpg'"));
    }

    private static void renameCustomer(JsonNode person, String pageId, String name) {
        if (person.isObject() && person.has("id") && !person.path("id").asText().equals(pageId)) {
            ((ObjectNode) person).put("name", name);
        }
    }

    @Test
    void messagesWithoutTextAndPeopleWithoutANameAreStoredAsTheyAre() throws Exception {
        SyncResult result = fx.sync(page);

        assertTrue(result.succeeded(), result.error());
        fx.assertStoredEqualsSimulator(page);
        assertTrue(fx.count("SELECT count(*) FROM messenger_messages WHERE text IS NULL AND attachments -> 'attachments' IS NOT NULL") > 0,
                "attachment-only messages");
        assertTrue(fx.count("SELECT count(*) FROM messenger_messages WHERE text IS NULL AND attachments -> 'sticker' IS NOT NULL") > 0,
                "sticker-only messages");
        assertTrue(fx.count("SELECT count(*) FROM messenger_messages WHERE attachments -> 'shares' IS NOT NULL") > 0,
                "shared links");
        long nameless = fx.sim.conversations(page.id()).stream().filter(c -> c.customerName() == null).count();
        assertEquals(nameless, fx.count("SELECT count(*) FROM messenger_conversations WHERE sender_name IS NULL"));

        // a deleted account: no name anywhere, in the participants or on its messages
        SimConversation deleted = fx.sim.conversations(page.id()).get(0);
        fx.sim.addMessage(deleted.id(), true, "my last words");
        fx.sim.faults().failNext(1, new Fault.EditedJson(listing(body -> {
            for (JsonNode c : body.path("data")) {
                if (c.path("id").asText().equals(deleted.id())) {
                    c.path("participants").path("data").forEach(p -> stripName(p, page.id()));
                    c.path("messages").path("data").forEach(m -> stripName(m.path("from"), page.id()));
                }
            }
            return body;
        })), call -> call.path().endsWith("/conversations"));

        SyncResult again = fx.sync(page);

        assertTrue(again.succeeded(), again.error());
        assertEquals(1, fx.count("SELECT count(*) FROM messenger_conversations WHERE sender_name IS NULL AND conversation_id = '"
                + deleted.id() + "'"));
        assertEquals(1, fx.count("SELECT count(*) FROM messenger_messages WHERE from_name IS NULL AND text = 'my last words'"));
    }

    private static void stripName(JsonNode person, String pageId) {
        if (person.isObject() && !person.path("id").asText().equals(pageId)) {
            ((ObjectNode) person).remove("name");
        }
    }

    @Test
    void theLongestConversationIsCopiedWhole() throws Exception {
        SimConversation huge = fx.sim.addConversation(page.id(), "inbox", 10_050);

        SyncResult result = fx.sync(page);

        assertTrue(result.succeeded(), result.error());
        assertEquals(10_050, fx.count("SELECT count(*) FROM messenger_messages WHERE conversation_id = '" + huge.id() + "'"));
        fx.assertStoredEqualsSimulator(page);
    }

    @Test
    void aCancelStopsALongHistoryBetweenTwoOfItsPages() throws Exception {
        SimConversation huge = fx.sim.addConversation(page.id(), "inbox", 10_050);
        CancelSignal cancel = new CancelSignal();
        java.util.concurrent.atomic.AtomicInteger historyCalls = new java.util.concurrent.atomic.AtomicInteger();
        fx.sim.addListener(call -> {
            if (call.path().equals("/" + huge.id() + "/messages") && historyCalls.incrementAndGet() == 3) {
                cancel.cancel();
            }
        });

        SyncResult result = fx.service.sync(fx.request(page, false), SyncListener.NONE, cancel);

        assertEquals(SyncResult.Status.CANCELLED, result.status(), result.error());
        assertTrue(historyCalls.get() <= 4, "stopped within a page of the cancel, not after the whole history: "
                + historyCalls.get() + " of about 100 pages");
        // The list comes first: the conversation is kept with what was fetched, its history pending ...
        assertEquals(1, fx.count("SELECT count(*) FROM messenger_conversations WHERE conversation_id = '" + huge.id()
                + "' AND history_state = 'pending'"), "the half-read conversation is kept, its history pending");
        long kept = fx.count("SELECT count(*) FROM messenger_messages WHERE conversation_id = '" + huge.id() + "'");
        assertTrue(kept >= 100 && kept < 10_050, "what was fetched before the cancel is kept: " + kept);

        // ... and the next sync finishes it.
        SyncResult again = fx.sync(page);
        assertTrue(again.succeeded(), again.error());
        assertEquals(10_050, fx.count("SELECT count(*) FROM messenger_messages WHERE conversation_id = '" + huge.id() + "'"));
        assertEquals(1, fx.count("SELECT count(*) FROM messenger_conversations WHERE conversation_id = '" + huge.id()
                + "' AND history_state = 'complete'"));
    }

    @Test
    void thePageListedFirstOrAloneAndUnknownNewFieldsChangeNothing() throws Exception {
        fx.sim.faults().failNext(4, new Fault.EditedJson(listing(body -> {
            JsonNode data = body.path("data");
            for (JsonNode c : data) {
                ((ObjectNode) c).put("brand_new_field", "Facebook added this").putObject("nested_new").put("x", 1);
                ArrayNode people = (ArrayNode) c.path("participants").path("data");
                if (people.size() == 2 && !people.get(0).path("id").asText().equals(page.id())) {
                    people.insert(0, people.remove(1)); // the Page first
                }
                for (JsonNode m : c.path("messages").path("data")) {
                    ((ObjectNode) m).put("reactions_v2", "{}").putArray("new_list").add(1);
                }
            }
            ((ObjectNode) body).put("summary_v2", true);
            return body;
        })), call -> call.path().endsWith("/conversations"));

        SyncResult result = fx.sync(page);

        assertTrue(result.succeeded(), result.error());
        fx.assertStoredEqualsSimulator(page);

        SimConversation alone = fx.sim.conversations(page.id()).get(0);
        fx.sim.addMessage(alone.id(), false, "the Page writes to itself");
        fx.sim.faults().failNext(1, new Fault.EditedJson(listing(body -> {
            for (JsonNode c : body.path("data")) {
                if (c.path("id").asText().equals(alone.id())) {
                    ArrayNode people = (ArrayNode) c.path("participants").path("data");
                    people.removeAll().addObject().put("id", page.id()).put("name", page.name());
                }
            }
            return body;
        })), call -> call.path().endsWith("/conversations"));

        SyncResult again = fx.sync(page);

        assertTrue(again.succeeded(), again.error());
        assertEquals(1, fx.count("SELECT count(*) FROM messenger_conversations WHERE conversation_id = '" + alone.id() + "'"));
        assertEquals(0, fx.count("SELECT count(*) FROM messenger_conversations WHERE sender_id = '" + page.id() + "'"),
                "the Page is never taken for the customer");
    }

    @Test
    void aConversationIdAnotherPageStoredKeepsThatPagesCopy() throws Exception {
        SimPage other = fx.page(1);
        assertTrue(fx.sync(page).succeeded());
        SimConversation shared = fx.sim.conversations(page.id()).get(3);
        List<SimMessage> sharedMessages = fx.sim.messages(shared.id());
        // a conversation between the two Pages: the other Page lists it with the same ids, seen from its side
        fx.sim.faults().failNext(1, new Fault.EditedJson(listing(body -> {
            ObjectNode first = (ObjectNode) body.path("data").get(0);
            first.put("id", shared.id());
            JsonNode messages = first.path("messages").path("data");
            for (int i = 0; i < messages.size() && i < sharedMessages.size(); i++) {
                ((ObjectNode) messages.get(i)).put("id", sharedMessages.get(i).id());
            }
            return body;
        })), call -> other.id().equals(call.pageId()) && call.path().endsWith("/conversations"));

        SyncResult result = fx.sync(other);

        assertTrue(result.succeeded(), result.error());
        fx.assertStoredEqualsSimulator(page); // the first Page's copy, rows and messages, is untouched
        assertEquals(page.id(), stringOf("SELECT page_id FROM messenger_conversations WHERE conversation_id = '" + shared.id() + "'"));
        fx.assertNoDuplicates();
    }

    @Test
    void aFieldOfTheWrongTypeStopsTheSyncNamingItWithNothingHalfWritten() throws Exception {
        assertTrue(fx.sync(page).succeeded());
        List<SimConversation> all = fx.sim.conversations(page.id());
        for (int i = 0; i < 3; i++) {
            fx.sim.addMessage(all.get(i * 5).id(), true, "new " + i);
        }
        long before = fx.count("SELECT count(*) FROM messenger_messages");
        long conversationsBefore = fx.count("SELECT count(*) FROM messenger_conversations");
        String rowsBefore = conversationRows();
        long callsBefore = fx.sim.requestCount(page.id());
        fx.sim.faults().failNext(1, new Fault.EditedJson(listing(body -> {
            ((ObjectNode) body.path("data").get(1)).put("message_count", "many");
            return body;
        })), call -> call.path().endsWith("/conversations"));

        SyncResult result = fx.sync(page);

        assertEquals(SyncResult.Status.FAILED, result.status());
        assertTrue(result.error().contains("data[1].message_count (many) is not a number"), result.error());
        assertEquals(SyncMode.INCREMENTAL, result.mode());
        assertEquals(before, fx.count("SELECT count(*) FROM messenger_messages"), "no message of that page was written");
        assertEquals(conversationsBefore, fx.count("SELECT count(*) FROM messenger_conversations"), "no conversation added");
        assertEquals(rowsBefore, conversationRows(), "no conversation changed");
        assertEquals(result.error(), stringOf("SELECT error FROM sync_runs ORDER BY id DESC LIMIT 1"));
        assertEquals(1, fx.sim.requestCount(page.id()) - callsBefore, "not retried: the same answer would come again");

        fx.sim.faults().failNext(1, new Fault.EditedJson(listing(body -> {
            ((ObjectNode) body.path("data").get(0)).putObject("id").put("unexpected", "object");
            return body;
        })), call -> call.path().endsWith("/conversations"));
        SyncResult objectForText = fx.sync(page);
        assertTrue(objectForText.error().contains("data[0].id is not a text"), objectForText.error());

        SyncResult recovered = fx.sync(page);
        assertTrue(recovered.succeeded(), recovered.error());
        fx.assertStoredEqualsSimulator(page);
    }

    /** Applies {@code edit} to a conversations listing's JSON. */
    private static UnaryOperator<JsonNode> listing(UnaryOperator<JsonNode> edit) {
        return body -> body.has("data") ? edit.apply(body) : body;
    }

    /** Every stored conversation row, as text, in id order (a fingerprint of the conversations table). */
    private String conversationRows() throws Exception {
        return stringOf("SELECT coalesce(string_agg(row_to_json(c)::text, E'\\n' ORDER BY conversation_id), '') "
                + "FROM messenger_conversations c");
    }

    private String stringOf(String sql) throws Exception {
        try (Connection c = fx.db.dataSource().getConnection(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
