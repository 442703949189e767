package app.inboxsync.graph;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Every field Inbox Sync asks Graph for, said once: which ones a copy cannot do without, and for each optional
 * one what it gives and what the copy does without it. Graph versions drop fields (v25's Conversation reference
 * no longer lists message_count, unread_count, snippet, can_reply or link): an optional field Graph refuses is
 * left out of the requests, a required one fails the Page.
 */
final class GraphFields {

    /** Where fields are asked for; {@code key} is how a refusal on it is remembered. */
    enum Edge {
        CONVERSATIONS("conversations", "conversations"),
        MESSAGES("messages", "messages"),
        PAGE("me", "the Page of a token"),
        ACCOUNTS("accounts", "the Pages of a user token");

        final String key;
        final String words;

        Edge(String key, String words) {
            this.key = key;
            this.words = words;
        }

        /** Graph's node type in "Tried accessing nonexisting field (x) on node type (T)", seen from a call on {@code asked}. */
        static Edge ofNodeType(String nodeType, Edge asked) {
            return switch (nodeType) {
                case "UnifiedThread", "Conversation", "Thread" -> CONVERSATIONS;
                case "Message" -> MESSAGES;
                default -> asked; // Page, User: the node the call itself reads
            };
        }
    }

    /**
     * @param gives   what Facebook no longer gives without it ("unread counts")
     * @param without what that means for the copy ("the Unread column says unknown")
     */
    record Field(Edge edge, String name, boolean required, String gives, String without) {
    }

    static final List<Field> ALL = List.of(
            required(Edge.CONVERSATIONS, "id"),
            required(Edge.CONVERSATIONS, "updated_time"),
            required(Edge.CONVERSATIONS, "participants"),
            optional(Edge.CONVERSATIONS, "message_count", "message counts",
                    "the Msgs column and the coverage count the messages copied instead"),
            optional(Edge.CONVERSATIONS, "unread_count", "unread counts", "the Unread column says unknown"),
            optional(Edge.CONVERSATIONS, "snippet", "conversation snippets",
                    "the last message is taken from the newest message copied"),
            optional(Edge.CONVERSATIONS, "can_reply", "whether a conversation can still be answered",
                    "that is stored as unknown"),
            optional(Edge.CONVERSATIONS, "link", "links to conversations on Facebook",
                    "conversations are copied without their Facebook link"),
            required(Edge.CONVERSATIONS, "messages"),
            required(Edge.MESSAGES, "id"),
            required(Edge.MESSAGES, "created_time"),
            required(Edge.MESSAGES, "from"),
            optional(Edge.MESSAGES, "to", "message recipients", "nothing is lost (the copy keeps the sender)"),
            required(Edge.MESSAGES, "message"),
            optional(Edge.MESSAGES, "attachments", "message attachments",
                    "photos and files sent in messages are not copied, only the messages' text"),
            optional(Edge.MESSAGES, "sticker", "the sticker field of messages",
                    "stickers are copied from the messages' attachments"),
            optional(Edge.MESSAGES, "shares", "shared links",
                    "a shared link is copied as the message's text and attachments"),
            required(Edge.PAGE, "id"),
            optional(Edge.PAGE, "name", "Page names", "a Page is shown by its id"),
            optional(Edge.PAGE, "category", "Page categories", "the Page's category stays empty"),
            required(Edge.ACCOUNTS, "id"),
            optional(Edge.ACCOUNTS, "name", "Page names", "a Page is shown by its id"),
            optional(Edge.ACCOUNTS, "category", "Page categories", "the Page's category stays empty"),
            required(Edge.ACCOUNTS, "access_token"),
            optional(Edge.ACCOUNTS, "tasks", "your role on each Page",
                    "a Page listed without the messaging task is imported anyway, and its syncs are refused"));

    private GraphFields() {
    }

    static Optional<Field> find(Edge edge, String name) {
        return ALL.stream().filter(f -> f.edge == edge && f.name.equals(name)).findFirst();
    }

    /** The edge's fields in order, without those {@code refused} names (never a required one). */
    static String list(Edge edge, Predicate<String> refused) {
        List<String> names = new ArrayList<>();
        for (Field f : ALL) {
            if (f.edge == edge && !f.name.equals("messages") && (f.required || !refused.test(f.name))) {
                names.add(f.name);
            }
        }
        return String.join(",", names);
    }

    /** A conversations listing's {@code fields}: conversation fields, and the newest messages nested. */
    static String conversations(int nestedMessages, Predicate<String> refusedConversation, Predicate<String> refusedMessage) {
        String fields = list(Edge.CONVERSATIONS, refusedConversation);
        return nestedMessages == 0 ? fields
                : fields + ",messages.limit(" + nestedMessages + "){" + list(Edge.MESSAGES, refusedMessage) + "}";
    }

    /**
     * A {@code fields} value (as a {@code next} link repeats it) without the refused names: {@code top} is refused
     * at the top level, {@code nested} inside {@code messages{…}}.
     */
    static String without(String fields, Predicate<String> top, Predicate<String> nested) {
        List<String> kept = new ArrayList<>();
        for (String part : splitTopLevel(fields)) {
            int brace = part.indexOf('{');
            String head = brace < 0 ? part : part.substring(0, brace);
            String name = head.contains(".") ? head.substring(0, head.indexOf('.')) : head;
            if (brace >= 0 && part.endsWith("}") && name.strip().equals("messages")) {
                String inner = part.substring(brace + 1, part.length() - 1);
                kept.add(head + "{" + without(inner, nested, nested) + "}");
            } else if (!top.test(name.strip())) {
                kept.add(part);
            }
        }
        return String.join(",", kept);
    }

    /** Whether {@code name} is asked for in {@code fields} at the top level ({@code nested}: inside messages{…}). */
    static boolean asks(String fields, String name, boolean nested) {
        for (String part : splitTopLevel(fields == null ? "" : fields)) {
            int brace = part.indexOf('{');
            String head = brace < 0 ? part : part.substring(0, brace);
            String top = (head.contains(".") ? head.substring(0, head.indexOf('.')) : head).strip();
            if (!nested && top.equals(name)) {
                return true;
            }
            if (nested && brace >= 0 && part.endsWith("}") && asks(part.substring(brace + 1, part.length() - 1), name, false)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> splitTopLevel(String fields) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < fields.length(); i++) {
            char c = fields.charAt(i);
            if (c == '{' || c == '(') {
                depth++;
            } else if (c == '}' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(fields.substring(start, i));
                start = i + 1;
            }
        }
        if (start < fields.length()) {
            parts.add(fields.substring(start));
        }
        parts.removeIf(String::isBlank);
        return parts;
    }

    /** The optional fields of an edge, for tests and documentation. */
    static Set<String> optional(Edge edge) {
        return Set.copyOf(ALL.stream().filter(f -> f.edge == edge && !f.required).map(Field::name).toList());
    }

    private static Field required(Edge edge, String name) {
        return new Field(edge, name, true, null, null);
    }

    private static Field optional(Edge edge, String name, String gives, String without) {
        return new Field(edge, name, false, gives, without);
    }
}
