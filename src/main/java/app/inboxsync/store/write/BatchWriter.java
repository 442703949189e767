package app.inboxsync.store.write;

import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Message;
import app.inboxsync.sync.BatchWrite;
import app.inboxsync.sync.HistoryMark;
import app.inboxsync.sync.HistoryState;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes one Graph page of conversations and messages: one bulk upsert statement per table, fed by arrays,
 * that leaves equal rows untouched and counts inserts and updates in the same statement.
 *
 * <p>A customer who starts a new thread with the Page gets a new conversation id, but
 * {@code UNIQUE (page_id, sender_id)} allows one row per customer. The newer thread keeps the plain PSID; the
 * older one keeps its row and data under {@code sender_id = '<psid>#<conversation_id>'}.
 */
final class BatchWriter {

    /** Gives the stored older thread of a customer the suffixed sender id before the newer one is upserted. */
    private static final String DEMOTE_OLDER_THREADS = """
            UPDATE messenger_conversations c
               SET sender_id = c.sender_id || '#' || c.conversation_id
              FROM unnest(?::text[], ?::text[], ?::text[]::timestamptz[]) AS b(conversation_id, sender_id, updated)
             WHERE c.page_id = ? AND c.sender_id = b.sender_id
               AND c.conversation_id <> b.conversation_id AND c.last_message_time <= b.updated
            """;

    // A conversation (or message) id another Page already stored, as a conversation between two Pages has,
    // keeps that Page's row: one Page's sync never rewrites another Page's copy.
    private static final String UPSERT_CONVERSATIONS = """
            WITH written AS (
              INSERT INTO messenger_conversations AS c (page_id, conversation_id, sender_id, sender_name,
                     last_message, last_message_time, message_count, unread_count, folder, can_reply, link,
                     participants)
              SELECT ?, b.conversation_id,
                     CASE WHEN EXISTS (SELECT 1 FROM messenger_conversations o
                                        WHERE o.page_id = ? AND o.sender_id = b.sender_id
                                          AND o.conversation_id <> b.conversation_id)
                          THEN b.sender_id || '#' || b.conversation_id ELSE b.sender_id END,
                     b.sender_name, b.last_message, b.last_message_time, b.message_count, b.unread_count,
                     b.folder, b.can_reply, b.link, b.participants
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]::timestamptz[], ?::int4[],
                            ?::int4[], ?::text[], ?::bool[], ?::text[], ?::text[]::jsonb[])
                     AS b(conversation_id, sender_id, sender_name, last_message, last_message_time, message_count,
                          unread_count, folder, can_reply, link, participants)
              ON CONFLICT (conversation_id) DO UPDATE SET
                     sender_id = EXCLUDED.sender_id, sender_name = EXCLUDED.sender_name,
                     last_message = EXCLUDED.last_message, last_message_time = EXCLUDED.last_message_time,
                     message_count = EXCLUDED.message_count, unread_count = EXCLUDED.unread_count,
                     folder = EXCLUDED.folder, can_reply = EXCLUDED.can_reply, link = EXCLUDED.link,
                     participants = EXCLUDED.participants, missing_since = NULL, synced_at = now()
               WHERE c.page_id = EXCLUDED.page_id
                 AND (c.sender_id, c.sender_name, c.last_message, c.last_message_time, c.message_count,
                      c.unread_count, c.folder, c.can_reply, c.link, c.participants, c.missing_since)
                     IS DISTINCT FROM
                     (EXCLUDED.sender_id, EXCLUDED.sender_name, EXCLUDED.last_message, EXCLUDED.last_message_time,
                      EXCLUDED.message_count, EXCLUDED.unread_count, EXCLUDED.folder, EXCLUDED.can_reply,
                      EXCLUDED.link, EXCLUDED.participants, NULL::timestamptz)
              RETURNING (xmax = 0) AS inserted
            )
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM written
            """;

    // A message Graph now lists without details never overwrites the details stored earlier. A message id Graph
    // lists in two conversations stays with the one that stored it first: moved back and forth, it would be
    // rewritten by every sync, and neither conversation's count would ever match.
    private static final String UPSERT_MESSAGES = """
            WITH written AS (
              INSERT INTO messenger_messages AS m (message_id, conversation_id, page_id, from_id, from_name,
                     is_from_page, text, created_time, attachments, details_unavailable)
              SELECT b.message_id, b.conversation_id, ?, b.from_id, b.from_name, b.is_from_page, b.text,
                     to_timestamp(b.created_time / 1000000::float8), b.attachments, b.details_unavailable
                FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bool[], ?::text[],
                            ?::int8[], ?::text[]::jsonb[], ?::bool[])
                     AS b(message_id, conversation_id, from_id, from_name, is_from_page, text, created_time,
                          attachments, details_unavailable)
              ON CONFLICT (message_id) DO UPDATE SET
                     from_id = EXCLUDED.from_id,
                     from_name = EXCLUDED.from_name, is_from_page = EXCLUDED.is_from_page, text = EXCLUDED.text,
                     created_time = EXCLUDED.created_time, attachments = EXCLUDED.attachments,
                     details_unavailable = EXCLUDED.details_unavailable, synced_at = now()
               WHERE m.page_id = EXCLUDED.page_id AND m.conversation_id = EXCLUDED.conversation_id
                 AND NOT (EXCLUDED.details_unavailable AND NOT m.details_unavailable)
                 AND (m.conversation_id, m.from_id, m.from_name, m.is_from_page, m.text, m.created_time,
                      m.attachments, m.details_unavailable)
                     IS DISTINCT FROM
                     (EXCLUDED.conversation_id, EXCLUDED.from_id, EXCLUDED.from_name, EXCLUDED.is_from_page,
                      EXCLUDED.text, EXCLUDED.created_time, EXCLUDED.attachments, EXCLUDED.details_unavailable)
              RETURNING (xmax = 0) AS inserted
            )
            SELECT count(*) FILTER (WHERE inserted), count(*) FILTER (WHERE NOT inserted) FROM written
            """;

    // After the rows it describes are written: a state never claims messages that are not stored. The reason,
    // code and time of a refusal stay while a withheld thread is pending again (a gap to fill); "since" keeps
    // the first time Facebook refused, as long as it refuses with the same words.
    private static final String MARK_HISTORY = """
            UPDATE messenger_conversations c
               SET history_state = b.state,
                   history_withheld_reason = CASE WHEN b.state = 'withheld' THEN b.reason
                                                  WHEN b.state = 'complete' THEN NULL
                                                  ELSE c.history_withheld_reason END,
                   history_withheld_code = CASE WHEN b.state = 'withheld' THEN b.code
                                                WHEN b.state = 'complete' THEN NULL
                                                ELSE c.history_withheld_code END,
                   history_withheld_at = CASE
                       WHEN b.state = 'withheld' AND c.history_withheld_at IS NOT NULL
                            AND (c.history_withheld_reason, c.history_withheld_code)
                                IS NOT DISTINCT FROM (b.reason, b.code) THEN c.history_withheld_at
                       WHEN b.state = 'withheld' THEN now()
                       WHEN b.state = 'complete' THEN NULL
                       ELSE c.history_withheld_at END
              FROM unnest(?::text[], ?::text[], ?::text[], ?::int4[]) AS b(conversation_id, state, reason, code)
             WHERE c.page_id = ? AND c.conversation_id = b.conversation_id
               AND (c.history_state, c.history_withheld_reason, c.history_withheld_code)
                   IS DISTINCT FROM (b.state,
                                     CASE WHEN b.state = 'pending' THEN c.history_withheld_reason
                                          WHEN b.state = 'withheld' THEN b.reason END,
                                     CASE WHEN b.state = 'pending' THEN c.history_withheld_code
                                          WHEN b.state = 'withheld' THEN b.code END)
            """;

    private BatchWriter() {
    }

    static BatchWrite write(Connection c, String pageId, List<Conversation> conversations, List<Message> messages,
                            List<HistoryMark> history) throws SQLException {
        List<Conversation> threads = oneRowPerCustomer(lastPerKey(conversations, Conversation::id));
        List<Message> uniqueMessages = oneConversationPerMessage(messages);
        for (Conversation conversation : threads) {
            requireSamePage(pageId, conversation.pageId(), conversation.id());
        }
        for (Message message : uniqueMessages) {
            requireSamePage(pageId, message.pageId(), message.id());
        }
        try (Statement s = c.createStatement()) {
            // Safe: the watermark is only moved by a later, synchronously committed transaction, which makes
            // this one durable too (WAL is flushed in order). A crash before that redoes the batch.
            s.execute("SET LOCAL synchronous_commit = off");
        }
        int[] conversationCounts = threads.isEmpty() ? new int[2] : upsertConversations(c, pageId, threads);
        int[] messageCounts = uniqueMessages.isEmpty() ? new int[2] : upsertMessages(c, pageId, uniqueMessages);
        if (!history.isEmpty()) {
            markHistory(c, pageId, lastPerKey(history, HistoryMark::conversationId));
        }
        return new BatchWrite(conversationCounts[0], conversationCounts[1],
                threads.size() - conversationCounts[0] - conversationCounts[1],
                messageCounts[0], messageCounts[1]);
    }

    private static int[] upsertConversations(Connection c, String pageId, List<Conversation> list) throws SQLException {
        int n = list.size();
        String[] ids = new String[n];
        String[] senders = new String[n];
        String[] names = new String[n];
        String[] snippets = new String[n];
        String[] times = new String[n];
        Integer[] messageCounts = new Integer[n];
        Integer[] unreadCounts = new Integer[n];
        String[] folders = new String[n];
        Boolean[] canReply = new Boolean[n];
        String[] links = new String[n];
        String[] participants = new String[n];
        for (int i = 0; i < n; i++) {
            Conversation v = list.get(i);
            ids[i] = v.id();
            senders[i] = v.senderId();
            names[i] = v.senderName();
            snippets[i] = v.snippet();
            times[i] = v.updatedTime().toString();
            messageCounts[i] = v.messageCount();
            unreadCounts[i] = v.unreadCount();
            folders[i] = v.folder().wireName();
            canReply[i] = v.canReply();
            links[i] = v.link();
            participants[i] = v.participantsJson();
        }
        try (PreparedStatement demote = c.prepareStatement(DEMOTE_OLDER_THREADS)) {
            demote.setArray(1, c.createArrayOf("text", ids));
            demote.setArray(2, c.createArrayOf("text", senders));
            demote.setArray(3, c.createArrayOf("text", times));
            demote.setString(4, pageId);
            demote.executeUpdate();
        }
        try (PreparedStatement s = c.prepareStatement(UPSERT_CONVERSATIONS)) {
            s.setString(1, pageId);
            s.setString(2, pageId);
            s.setArray(3, c.createArrayOf("text", ids));
            s.setArray(4, c.createArrayOf("text", senders));
            s.setArray(5, c.createArrayOf("text", names));
            s.setArray(6, c.createArrayOf("text", snippets));
            s.setArray(7, c.createArrayOf("text", times));
            s.setArray(8, c.createArrayOf("int4", messageCounts));
            s.setArray(9, c.createArrayOf("int4", unreadCounts));
            s.setArray(10, c.createArrayOf("text", folders));
            s.setArray(11, c.createArrayOf("bool", canReply));
            s.setArray(12, c.createArrayOf("text", links));
            s.setArray(13, c.createArrayOf("text", participants));
            return counts(s);
        }
    }

    private static int[] upsertMessages(Connection c, String pageId, List<Message> list) throws SQLException {
        int n = list.size();
        String[] ids = new String[n];
        String[] conversationIds = new String[n];
        String[] fromIds = new String[n];
        String[] fromNames = new String[n];
        Boolean[] fromPage = new Boolean[n];
        String[] texts = new String[n];
        Long[] times = new Long[n];
        String[] attachments = new String[n];
        Boolean[] unavailable = new Boolean[n];
        for (int i = 0; i < n; i++) {
            Message m = list.get(i);
            ids[i] = m.id();
            conversationIds[i] = m.conversationId();
            fromIds[i] = m.fromId();
            fromNames[i] = m.fromName();
            fromPage[i] = m.fromPage();
            texts[i] = m.text();
            times[i] = epochMicros(m.createdTime());
            attachments[i] = m.attachmentsJson();
            unavailable[i] = m.detailsUnavailable();
        }
        try (PreparedStatement s = c.prepareStatement(UPSERT_MESSAGES)) {
            s.setString(1, pageId);
            s.setArray(2, c.createArrayOf("text", ids));
            s.setArray(3, c.createArrayOf("text", conversationIds));
            s.setArray(4, c.createArrayOf("text", fromIds));
            s.setArray(5, c.createArrayOf("text", fromNames));
            s.setArray(6, c.createArrayOf("bool", fromPage));
            s.setArray(7, c.createArrayOf("text", texts));
            s.setArray(8, c.createArrayOf("int8", times));
            s.setArray(9, c.createArrayOf("text", attachments));
            s.setArray(10, c.createArrayOf("bool", unavailable));
            return counts(s);
        }
    }

    private static void markHistory(Connection c, String pageId, List<HistoryMark> marks) throws SQLException {
        int n = marks.size();
        String[] ids = new String[n];
        String[] states = new String[n];
        String[] reasons = new String[n];
        Integer[] codes = new Integer[n];
        for (int i = 0; i < n; i++) {
            HistoryMark m = marks.get(i);
            ids[i] = m.conversationId();
            states[i] = m.state().wireName();
            reasons[i] = m.state() == HistoryState.WITHHELD ? app.inboxsync.domain.Text.clean(m.reason()) : null;
            codes[i] = m.state() == HistoryState.WITHHELD && m.code() != 0 ? m.code() : null;
        }
        try (PreparedStatement s = c.prepareStatement(MARK_HISTORY)) {
            s.setArray(1, c.createArrayOf("text", ids));
            s.setArray(2, c.createArrayOf("text", states));
            s.setArray(3, c.createArrayOf("text", reasons));
            s.setArray(4, c.createArrayOf("int4", codes));
            s.setString(5, pageId);
            s.executeUpdate();
        }
    }

    /**
     * Times travel as epoch microseconds: formatting 2,000 Instants per batch and having PostgreSQL parse
     * them back was a measurable share of the 40,000 messages/s hot path.
     */
    private static long epochMicros(java.time.Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000);
    }

    /** {inserted, updated} from the statement's single row. */
    private static int[] counts(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            rs.next();
            return new int[] {rs.getInt(1), rs.getInt(2)};
        }
    }

    /** One statement may not touch a key twice, so keep the last occurrence of each key. */
    static <T> List<T> lastPerKey(Collection<T> items, java.util.function.Function<T, String> key) {
        Map<String, T> byKey = new LinkedHashMap<>();
        for (T item : items) {
            byKey.put(key.apply(item), item);
        }
        return new ArrayList<>(byKey.values());
    }

    /**
     * Repeated message ids in one batch: the last copy wins, except that a message Graph lists in two
     * conversations stays with the first (the newer thread, as Graph lists newest first), as across batches.
     */
    static List<Message> oneConversationPerMessage(Collection<Message> messages) {
        Map<String, Message> byId = new LinkedHashMap<>();
        for (Message m : messages) {
            byId.merge(m.id(), m, (had, now) -> had.conversationId().equals(now.conversationId()) ? now : had);
        }
        return new ArrayList<>(byId.values());
    }

    /** Two threads of one customer in the same batch: the newest keeps the plain PSID (see the class comment). */
    static List<Conversation> oneRowPerCustomer(List<Conversation> conversations) {
        Map<String, Conversation> newestBySender = new HashMap<>();
        for (Conversation c : conversations) {
            newestBySender.merge(c.senderId(), c,
                    (a, b) -> Comparator.comparing(Conversation::updatedTime).compare(a, b) >= 0 ? a : b);
        }
        if (newestBySender.size() == conversations.size()) {
            return conversations;
        }
        List<Conversation> result = new ArrayList<>(conversations.size());
        for (Conversation c : conversations) {
            result.add(newestBySender.get(c.senderId()) == c ? c : withSender(c, c.senderId() + "#" + c.id()));
        }
        return result;
    }

    private static Conversation withSender(Conversation c, String senderId) {
        return new Conversation(c.id(), c.pageId(), c.folder(), senderId, c.senderName(), c.snippet(),
                c.updatedTime(), c.messageCount(), c.unreadCount(), c.canReply(), c.link(), c.participantsJson());
    }

    private static void requireSamePage(String pageId, String itemPage, String itemId) {
        if (!pageId.equals(itemPage)) {
            throw new IllegalArgumentException(itemId + " belongs to page " + itemPage + ", not " + pageId);
        }
    }
}
