package app.inboxsync.graph;

import static app.inboxsync.graph.TestGraph.PAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Message;
import app.inboxsync.sync.ConversationBatch;
import app.inboxsync.sync.GraphException;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Graph's shapes (through real HTTP) to domain records. */
class WireMappingTest {
    private TestGraph graph;

    @BeforeEach
    void start() throws Exception {
        graph = new TestGraph();
    }

    @AfterEach
    void stop() {
        graph.close();
    }

    private List<Conversation> conversationsOf(String... conversations) {
        graph.ok("{\"data\":[" + String.join(",", conversations) + "]}");
        ConversationBatch batch = graph.client().conversations(PAGE, Folder.INBOX, 25, 10, null);
        return batch.conversations().stream().map(f -> f.conversation()).toList();
    }

    private static String withParticipants(String id, String participantsData) {
        return "{\"id\":\"" + id + "\",\"updated_time\":\"2024-11-10T17:00:00+0000\",\"participants\":{\"data\":"
                + participantsData + "}}";
    }

    @Test
    void customerIsTheParticipantThatIsNotThePageWhereverThePageIsListed() {
        List<Conversation> cs = conversationsOf(
                withParticipants("t_1", "[{\"name\":\"Shop\",\"id\":\"111\"},{\"name\":\"Ann\",\"id\":\"9\"}]"),
                withParticipants("t_2", "[{\"name\":\"Bob\",\"id\":\"8\"},{\"name\":\"Shop\",\"id\":\"111\"}]"),
                withParticipants("t_3", "[{\"name\":\"Facebook user\",\"id\":\"7\"},{\"id\":\"111\"}]"),
                withParticipants("t_4", "[{\"id\":\"111\",\"name\":\"Shop\"},{\"id\":\"6\",\"email\":\"6@facebook.com\"}]"),
                withParticipants("t_5", "[{\"name\":\"Shop\",\"id\":\"111\"}]"),
                withParticipants("t_6", "[]"),
                "{\"id\":\"t_7\",\"updated_time\":\"2024-11-10T17:00:00+0000\"}");

        assertEquals(List.of("9", "8", "7", "6", "unknown:t_5", "unknown:t_6", "unknown:t_7"),
                cs.stream().map(Conversation::senderId).toList());
        assertEquals("Ann", cs.get(0).senderName());
        assertEquals("Bob", cs.get(1).senderName());
        assertEquals("Facebook user", cs.get(2).senderName());
        assertNull(cs.get(3).senderName(), "a deleted account may have no name");
        assertNull(cs.get(4).senderName());
        assertEquals("[{\"name\":\"Shop\",\"id\":\"111\"},{\"name\":\"Ann\",\"id\":\"9\"}]",
                cs.get(0).participantsJson());
        assertEquals("[]", cs.get(5).participantsJson());
        assertNull(cs.get(6).participantsJson());
    }

    @Test
    void conversationFieldsAndMissingCountsAsZero() {
        List<Conversation> cs = conversationsOf("""
                {"id":"t_1","updated_time":"2024-11-10T17:00:00+0000","message_count":42,"unread_count":3,
                 "snippet":"Thanks 👍\\u0000!","can_reply":true,"link":"/111/inbox/1","unknown_field":{"x":1}}""",
                "{\"id\":\"t_2\",\"updated_time\":\"2024-11-10T17:00:00Z\"}");
        Conversation c = cs.get(0);
        assertEquals("t_1", c.id());
        assertEquals("111", c.pageId());
        assertEquals(Instant.parse("2024-11-10T17:00:00Z"), c.updatedTime());
        assertEquals(42, c.messageCount());
        assertEquals(3, c.unreadCount());
        assertEquals("Thanks 👍!", c.snippet());
        assertTrue(c.canReply());
        assertEquals("/111/inbox/1", c.link());
        assertEquals(0, cs.get(1).messageCount());
        assertEquals(0, cs.get(1).unreadCount());
        assertFalse(cs.get(1).canReply());
    }

    private List<Message> messagesOf(String... messages) {
        graph.ok("{\"data\":[" + String.join(",", messages) + "]}");
        return graph.client().messages(PAGE, "t_1", null).messages();
    }

    @Test
    void textAttachmentsStickersSharesAndUnavailableDetails() {
        List<Message> ms = messagesOf(
                "{\"id\":\"m_1\",\"created_time\":\"2024-11-10T17:00:00+0000\",\"from\":{\"id\":\"9\",\"name\":\"Ann\"},"
                        + "\"to\":{\"data\":[{\"id\":\"111\"}]},\"message\":\"hello\"}",
                "{\"id\":\"m_2\",\"created_time\":\"2024-11-10T17:00:01+0000\",\"from\":{\"id\":\"111\",\"name\":\"Shop\"},"
                        + "\"message\":\"\",\"attachments\":{\"data\":[{\"id\":\"a1\",\"mime_type\":\"image/jpeg\"}]}}",
                "{\"id\":\"m_3\",\"created_time\":\"2024-11-10T17:00:02+0000\",\"from\":{\"id\":\"9\"},"
                        + "\"sticker\":\"https://cdn.example/st.png\"}",
                "{\"id\":\"m_4\",\"created_time\":\"2024-11-10T17:00:03+0000\",\"from\":{\"id\":\"9\"},"
                        + "\"message\":\"look\",\"shares\":{\"data\":[{\"link\":\"https://x.example\"}]},"
                        + "\"sticker\":\"s\"}",
                "{\"id\":\"m_5\",\"created_time\":\"2024-11-10T17:00:04+0000\"}");

        Message text = ms.get(0);
        assertEquals("9", text.fromId());
        assertEquals("Ann", text.fromName());
        assertFalse(text.fromPage());
        assertEquals("hello", text.text());
        assertNull(text.attachmentsJson());
        assertFalse(text.detailsUnavailable());

        Message attachmentOnly = ms.get(1);
        assertTrue(attachmentOnly.fromPage());
        assertNull(attachmentOnly.text(), "an empty message is no text");
        assertEquals("{\"attachments\":{\"data\":[{\"id\":\"a1\",\"mime_type\":\"image/jpeg\"}]}}",
                attachmentOnly.attachmentsJson());
        assertFalse(attachmentOnly.detailsUnavailable());

        assertEquals("{\"sticker\":\"https://cdn.example/st.png\"}", ms.get(2).attachmentsJson());
        assertNull(ms.get(2).text());
        assertNull(ms.get(2).fromName());
        assertEquals("{\"sticker\":\"s\",\"shares\":{\"data\":[{\"link\":\"https://x.example\"}]}}",
                ms.get(3).attachmentsJson());

        Message bare = ms.get(4);
        assertTrue(bare.detailsUnavailable());
        assertNull(bare.fromId());
        assertNull(bare.text());
        assertNull(bare.attachmentsJson());
        assertEquals(Instant.parse("2024-11-10T17:00:04Z"), bare.createdTime());
    }

    @Test
    void messagesWithoutATimeAreKeptInPlaceAndWithoutAnIdLeftOut() {
        List<Message> ms = messagesOf(
                "{\"id\":\"m_9\",\"created_time\":\"2024-11-10T17:00:09+0000\",\"from\":{\"id\":\"9\"},\"message\":\"newest\"}",
                "{\"id\":\"m_8\"}",
                "{\"created_time\":\"2024-11-10T17:00:07+0000\",\"message\":\"no id\"}",
                "{\"id\":\"m_6\",\"created_time\":\"yesterday-ish\",\"from\":{\"id\":\"9\"},\"message\":\"odd time\"}",
                "{\"id\":\"m_5\",\"created_time\":\"2024-11-10T17:00:05+0000\",\"from\":{\"id\":\"111\"},\"message\":\"ok\"}");

        assertEquals(List.of("m_9", "m_8", "m_6", "m_5"), ms.stream().map(Message::id).toList());
        Instant newest = Instant.parse("2024-11-10T17:00:09Z");
        assertEquals(newest, ms.get(1).createdTime(), "borrowed from the newer neighbour");
        assertTrue(ms.get(1).detailsUnavailable());
        assertEquals(Instant.parse("2024-11-10T17:00:07Z"), ms.get(2).createdTime(),
                "the nearest newer time listed, even from a message left out");
        assertTrue(ms.get(2).detailsUnavailable(), "a time we cannot read counts as missing details");
        assertEquals("odd time", ms.get(2).text(), "what did come back is kept");
        assertFalse(ms.get(3).detailsUnavailable());
    }

    @Test
    void aMessageDatedADayItsMonthDoesNotHaveIsKeptLikeAnyUnreadableTime() {
        List<Message> ms = messagesOf(
                "{\"id\":\"m_9\",\"created_time\":\"2024-11-10T17:00:09+0000\",\"from\":{\"id\":\"9\"},\"message\":\"newest\"}",
                "{\"id\":\"m_8\",\"created_time\":\"2024-02-30T10:00:00+0000\",\"from\":{\"id\":\"9\"},\"message\":\"odd day\"}");

        assertEquals(List.of("m_9", "m_8"), ms.stream().map(Message::id).toList());
        assertEquals(Instant.parse("2024-11-10T17:00:09Z"), ms.get(1).createdTime(), "borrowed from the newer one");
        assertTrue(ms.get(1).detailsUnavailable());
        assertEquals("odd day", ms.get(1).text());
    }

    @Test
    void gapsAtTheTopBorrowTheOlderNeighbourAndAllGapsTheEpoch() {
        Instant t = Instant.parse("2024-11-10T17:00:00Z");
        assertEquals(List.of(t, t), List.of(WireMapping.borrowNeighbourTimes(new Instant[] {null, t})));
        assertEquals(List.of(Instant.EPOCH), List.of(WireMapping.borrowNeighbourTimes(new Instant[] {null})));
    }

    @Test
    void aConversationWithoutIdIsMalformedNotACrash() {
        graph.ok("{\"data\":[{\"updated_time\":\"2024-11-10T17:00:00+0000\"}]}");
        GraphException e = assertThrows(GraphException.class,
                () -> graph.client().conversations(PAGE, Folder.INBOX, 25, 10, null));
        assertEquals(GraphException.Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("cannot be stored: conversation id is missing."), e.getMessage());
        assertEquals(1, graph.requests(), "bad content is not retried");
    }

    @Test
    void aConversationWithoutAnUpdatedTimeIsMalformedAndTheSentenceSaysWhichField() {
        graph.ok("{\"data\":[{\"id\":\"t_1\",\"updated_time\":\"\"}]}");
        GraphException e = assertThrows(GraphException.class,
                () -> graph.client().conversations(PAGE, Folder.INBOX, 25, 10, null));
        assertEquals(GraphException.Kind.MALFORMED, e.kind());
        assertTrue(e.getMessage().contains("cannot be stored: updated_time of conversation t_1 is missing."),
                e.getMessage());
    }

    @Test
    void nulsLeaveParticipantsAndAttachmentsWhereverTheyAreAndNothingElseChanges() {
        // The rule, written out here: U+0000 is removed from every key and every string; numbers, booleans,
        // nulls and order stay as Graph sent them.
        List<Conversation> cs = conversationsOf(withParticipants("t_1",
                "[{\"name\":\"\\u0000Ann\",\"id\":\"9\"},{\"name\":\"Shop\",\"id\":\"111\"}]"));
        assertEquals("Ann", cs.get(0).senderName());
        assertEquals("[{\"name\":\"Ann\",\"id\":\"9\"},{\"name\":\"Shop\",\"id\":\"111\"}]",
                cs.get(0).participantsJson());

        List<Message> ms = messagesOf("{\"id\":\"m_1\",\"created_time\":\"2024-11-10T17:00:00+0000\","
                + "\"attachments\":{\"data\":[{\"ti\\u0000tle\":\"\\u0000a\\u0000b\",\"size\":12,"
                + "\"ok\":true,\"gone\":null,\"tags\":[\"x\\u0000\",7]}]}}");
        assertEquals("{\"attachments\":{\"data\":[{\"title\":\"ab\",\"size\":12,\"ok\":true,\"gone\":null,"
                + "\"tags\":[\"x\",7]}]}}", ms.get(0).attachmentsJson());
    }

    @Test
    void graphTimesInEveryShapeGraphUses() {
        Instant t = Instant.parse("2024-11-10T17:00:00Z");
        assertEquals(t, GraphTime.parse("2024-11-10T17:00:00+0000"));
        assertEquals(t, GraphTime.parse("2024-11-10T17:00:00Z"));
        assertEquals(t, GraphTime.parse("2024-11-10T17:00:00+00:00"));
        assertEquals(t, GraphTime.parse("2024-11-10T19:00:00+0200"));
        assertEquals(t, GraphTime.parse("2024-11-10T12:30:00-0430"));
        assertEquals(t.plusMillis(250), GraphTime.parse("2024-11-10T17:00:00.250+0000"));
        assertEquals(Instant.parse("2024-02-29T23:59:59Z"), GraphTime.parse("2024-02-29T23:59:59+0000"));
        assertThrows(IllegalArgumentException.class, () -> GraphTime.parse("yesterday"));
        assertThrows(IllegalArgumentException.class, () -> GraphTime.parse("2024-02-30T00:00:00+0000"));
    }
}
