package app.inboxsync.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Answers an authenticated, admitted Graph call: {@code /me}, {@code /me/accounts}, a Page's
 * conversations, a conversation's messages and single objects by id.
 */
final class GraphRoutes {

    /** Who is calling: the index of the Page whose token was used, or -1 for the user token. */
    record Caller(int page) {
        boolean isUser() {
            return page < 0;
        }
    }

    @FunctionalInterface
    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private static final Set<String> PAGE_FIELDS = Set.of("id", "name", "category", "link");
    private static final Set<String> ACCOUNT_FIELDS = Set.of("id", "name", "category", "access_token", "tasks");

    private final World world;
    private final Refusals refusals;
    private final GraphJson json;
    private final String baseUrl;
    private final String userName = "Simulated Admin";

    GraphRoutes(World world, String baseUrl, Refusals refusals) {
        this.world = world;
        this.refusals = refusals;
        this.baseUrl = baseUrl;
        this.json = new GraphJson(world, baseUrl);
    }

    String baseUrl() {
        return baseUrl;
    }

    Reply answer(GraphRequest req, Caller caller, boolean shuffled, long seq) {
        if (!req.method().equals("GET")) {
            return GraphErrors.invalidParameter("Unsupported " + req.method().toLowerCase() + " request.", seq);
        }
        List<FieldSpec> fields;
        try {
            fields = req.param("fields") == null ? null : FieldSpec.parseList(req.param("fields"));
        } catch (IllegalArgumentException e) {
            return GraphErrors.invalidParameter(e.getMessage(), seq);
        }
        try {
            List<String> s = req.segments();
            Reply refused = refused(s, caller, req, fields, seq);
            if (refused != null) {
                return refused;
            }
            if (s.size() == 1 && s.get(0).equals("me")) {
                return caller.isUser() ? user(fields, seq) : page(caller.page(), fields, seq);
            }
            if (s.size() == 2 && s.get(0).equals("me") && s.get(1).equals("accounts")) {
                return caller.isUser() ? accounts(req, fields, seq)
                        : GraphErrors.nonexistingField("accounts", "Page", seq);
            }
            if (s.size() == 1) {
                return object(s.get(0), caller, fields, req, seq);
            }
            if (s.size() == 2 && s.get(1).equals("conversations") && world.pageIndex(s.get(0)) >= 0) {
                return conversations(world.pageIndex(s.get(0)), caller, fields, req, shuffled, seq);
            }
            if (s.size() == 2 && s.get(1).equals("messages") && world.conversation(s.get(0)) != null) {
                return messages(world.conversation(s.get(0)), caller, fields, req, seq);
            }
            return GraphErrors.unsupportedGet(s.isEmpty() ? "" : s.get(0), seq);
        } catch (NumberFormatException e) {
            return GraphErrors.invalidParameter("(#100) Param limit must be a number", seq);
        }
    }

    /** What a newer Graph version no longer serves (see {@link Refusals}), checked before anything else. */
    private Reply refused(List<String> s, Caller caller, GraphRequest req, List<FieldSpec> fields, long seq) {
        Refusals.Edge edge = null;
        String nodeType = null;
        if (s.size() == 1 && s.get(0).equals("me")) {
            edge = Refusals.Edge.ME;
            nodeType = caller.isUser() ? "User" : "Page";
        } else if (s.size() == 2 && s.get(0).equals("me") && s.get(1).equals("accounts")) {
            edge = Refusals.Edge.ACCOUNTS;
        } else if (s.size() == 2 && s.get(1).equals("conversations")) {
            edge = Refusals.Edge.CONVERSATIONS;
        } else if (s.size() == 2 && s.get(1).equals("messages")) {
            edge = Refusals.Edge.CONVERSATION_MESSAGES;
        } else if (s.size() == 1) {
            edge = world.pageIndex(s.get(0)) >= 0 ? Refusals.Edge.ME
                    : world.conversation(s.get(0)) != null ? Refusals.Edge.CONVERSATIONS
                    : Refusals.Edge.CONVERSATION_MESSAGES;
        }
        return edge == null ? null : refusals.check(edge, nodeType, req, fields, seq);
    }

    private Reply user(List<FieldSpec> fields, long seq) {
        String unknown = fields == null ? null : GraphJson.unknownField(fields, Set.of("id", "name"));
        if (unknown != null) {
            return GraphErrors.nonexistingField(unknown, "User", seq);
        }
        return ok(g -> {
            g.writeStartObject();
            for (String f : names(fields, List.of("name", "id"))) {
                g.writeStringField(f, f.equals("id") ? "1000" + world.pages.get(0).id() : userName);
            }
            g.writeEndObject();
        });
    }

    private Reply page(int page, List<FieldSpec> fields, long seq) {
        String unknown = fields == null ? null : GraphJson.unknownField(fields, PAGE_FIELDS);
        if (unknown != null) {
            return GraphErrors.nonexistingField(unknown, "Page", seq);
        }
        return ok(g -> pageObject(g, page, names(fields, List.of("name", "id"))));
    }

    private Reply accounts(GraphRequest req, List<FieldSpec> fields, long seq) {
        String unknown = fields == null ? null : GraphJson.unknownField(fields, ACCOUNT_FIELDS);
        if (unknown != null) {
            return GraphErrors.nonexistingField(unknown, "Page", seq);
        }
        int limit = GraphJson.limit(req.param("limit"));
        int start = 0;
        if (req.param("after") != null) {
            start = world.pageIndex(new String(java.util.Base64.getUrlDecoder().decode(req.param("after")))) + 1;
            if (start <= 0) {
                return GraphErrors.invalidParameter("Invalid cursor", seq);
            }
        }
        // Pages the user has no role on are not listed; the cursors still count over every Page
        List<Integer> listed = new ArrayList<>();
        int next = start;
        for (; next < world.pages.size() && listed.size() < limit; next++) {
            if (world.roles.listed(world.pages.get(next).id())) {
                listed.add(next);
            }
        }
        int end = next;
        List<String> names = names(fields, List.of("access_token", "category", "name", "id", "tasks"));
        int first = start;
        return ok(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("data");
            for (int p : listed) {
                pageObject(g, p, names);
            }
            g.writeEndArray();
            if (end > first) {
                String after = pageCursor(end - 1);
                GraphJson.paging(g, pageCursor(first), after, end < world.pages.size() ? req.nextUrl(baseUrl, after) : null);
            }
            g.writeEndObject();
        });
    }

    private Reply object(String id, Caller caller, List<FieldSpec> fields, GraphRequest req, long seq) {
        int page = world.pageIndex(id);
        if (page >= 0) {
            return caller.isUser() || caller.page() == page ? page(page, fields, seq) : GraphErrors.permissions(seq);
        }
        StoredConversation c = world.conversation(id);
        if (c == null) {
            int[] numbers = world.ids.messageNumbers(id);
            c = numbers == null ? null : world.conversation(world.ids.conversationId(numbers[0]));
            if (c == null || numbers[1] >= c.messageCount()) {
                return GraphErrors.unsupportedGet(id, seq);
            }
            if (caller.page() != c.page()) {
                return GraphErrors.permissions(seq);
            }
            List<FieldSpec> selected = fields == null ? GraphJson.DEFAULT_MESSAGE : fields;
            String unknown = GraphJson.unknownField(selected, GraphJson.MESSAGE_FIELDS);
            if (unknown != null) {
                return GraphErrors.nonexistingField(unknown, "Message", seq);
            }
            StoredConversation conversation = c;
            SimMessage m = world.messages.message(c, numbers[1]);
            return ok(g -> json.message(g, conversation, m, selected));
        }
        if (caller.page() != c.page()) {
            return GraphErrors.permissions(seq);
        }
        List<FieldSpec> selected = fields == null ? GraphJson.DEFAULT_CONVERSATION : fields;
        String[] unknown = GraphJson.unknownConversationField(selected);
        if (unknown != null) {
            return GraphErrors.nonexistingField(unknown[0], unknown[1], seq);
        }
        StoredConversation conversation = c;
        return ok(g -> json.conversation(g, conversation, selected, req));
    }

    private Reply conversations(int page, Caller caller, List<FieldSpec> fields, GraphRequest req, boolean shuffled,
            long seq) {
        if (caller.page() != page) {
            return caller.isUser()
                    ? GraphErrors.error(400, 190, 0, "(#190) This method must be called with a Page Access Token", seq)
                    : GraphErrors.permissions(seq);
        }
        if (!world.roles.canMessage(world.pages.get(page).id())) {
            return GraphErrors.error(403, 230, 0, "(#230) Requires pages_messaging permission to manage the object", seq);
        }
        List<FieldSpec> selected = fields == null ? GraphJson.DEFAULT_CONVERSATION : fields;
        String[] unknown = GraphJson.unknownConversationField(selected);
        if (unknown != null) {
            return GraphErrors.nonexistingField(unknown[0], unknown[1], seq);
        }
        String folder = req.param("folder") == null ? "inbox" : req.param("folder").toLowerCase();
        if (!World.FOLDERS.contains(folder)) {
            return GraphErrors.invalidParameter("(#100) param folder must be one of {INBOX, OTHER, PAGE_DONE, SPAM}", seq);
        }
        StoredConversation.ListingKey after = null;
        if (req.param("after") != null) {
            after = Cursors.conversation(req.param("after"));
            if (after == null) {
                return GraphErrors.invalidParameter("(#100) The after cursor is invalid", seq);
            }
        }
        int limit = GraphJson.limit(req.param("limit"));
        List<StoredConversation> found = world.listing(page, folder, after, limit + 1);
        boolean more = found.size() > limit;
        List<StoredConversation> items = new ArrayList<>(found.subList(0, Math.min(limit, found.size())));
        String before = items.isEmpty() ? null : Cursors.conversation(items.get(0).key());
        String afterCursor = items.isEmpty() ? null : Cursors.conversation(items.get(items.size() - 1).key());
        if (shuffled) {
            Collections.reverse(items); // cursors stay those of the true order, so paging still works
        }
        return ok(g -> {
            g.writeStartObject();
            g.writeArrayFieldStart("data");
            for (StoredConversation c : items) {
                json.conversation(g, c, selected, req);
            }
            g.writeEndArray();
            if (!items.isEmpty()) {
                GraphJson.paging(g, before, afterCursor, more ? req.nextUrl(baseUrl, afterCursor) : null);
            }
            g.writeEndObject();
        });
    }

    private Reply messages(StoredConversation c, Caller caller, List<FieldSpec> fields, GraphRequest req, long seq) {
        if (caller.page() != c.page()) {
            return caller.isUser()
                    ? GraphErrors.error(400, 190, 0, "(#190) This method must be called with a Page Access Token", seq)
                    : GraphErrors.permissions(seq);
        }
        List<FieldSpec> selected = fields == null ? GraphJson.DEFAULT_MESSAGE : fields;
        String unknown = GraphJson.unknownField(selected, GraphJson.MESSAGE_FIELDS);
        if (unknown != null) {
            return GraphErrors.nonexistingField(unknown, "Message", seq);
        }
        int afterSeq = -1;
        if (req.param("after") != null) {
            afterSeq = Cursors.message(req.param("after"), c.number());
            if (afterSeq < 0) {
                return GraphErrors.invalidParameter("(#100) The after cursor is invalid", seq);
            }
        }
        int limit = GraphJson.limit(req.param("limit"));
        int from = afterSeq;
        Reply withheld = world.withholding.refusal(world.ids.conversationId(c.number()), c.messageCount(),
                afterSeq < 0 ? 0 : Math.max(0, c.messageCount() - afterSeq), seq);
        if (withheld != null) {
            return withheld;
        }
        return ok(g -> json.messagesEdge(g, c, from, limit, selected, after -> req.nextUrl(baseUrl, after)));
    }

    private void pageObject(JsonGenerator g, int page, List<String> names) throws IOException {
        SimPage p = world.pages.get(page);
        g.writeStartObject();
        for (String f : names) {
            switch (f) {
                case "id" -> g.writeStringField("id", p.id());
                case "name" -> g.writeStringField("name", p.name());
                case "category" -> g.writeStringField("category", p.category());
                case "access_token" -> g.writeStringField("access_token", p.token());
                case "link" -> g.writeStringField("link", "https://www.facebook.com/" + p.id());
                case "tasks" -> {
                    g.writeArrayFieldStart("tasks");
                    for (String t : world.roles.tasks(p.id())) {
                        g.writeString(t);
                    }
                    g.writeEndArray();
                }
                default -> throw new IllegalStateException("unvalidated field " + f);
            }
        }
        g.writeEndObject();
    }

    private String pageCursor(int page) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(world.pages.get(page).id().getBytes());
    }

    private static List<String> names(List<FieldSpec> fields, List<String> defaults) {
        return fields == null ? defaults : fields.stream().map(FieldSpec::name).toList();
    }

    private static Reply ok(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try (JsonGenerator g = GraphJson.FACTORY.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Reply.json(200, out.toByteArray());
    }
}
