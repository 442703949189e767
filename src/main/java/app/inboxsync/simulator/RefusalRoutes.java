package app.inboxsync.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.util.Locale;
import java.util.Map;

/**
 * {@code /_sim/refusals}: make the running simulator behave like a Graph version that stopped serving a field
 * or a folder. {@code POST /_sim/refusals?edge=conversations&field=unread_count[&version=v25.0]};
 * {@code POST /_sim/refusals?folder=spam[&version=v25.0]}; {@code GET} lists the rules; {@code DELETE}
 * serves everything again. Edges: conversations, nested-messages, conversation-messages, messages (both),
 * me, accounts.
 */
final class RefusalRoutes {
    private static final String USAGE = "use POST /_sim/refusals?edge=E&field=F[&version=v25.0], "
            + "POST /_sim/refusals?folder=F[&version=v25.0], GET or DELETE /_sim/refusals; "
            + "edges: conversations, nested-messages, conversation-messages, messages, me, accounts\n";
    private final Refusals refusals;

    RefusalRoutes(Refusals refusals) {
        this.refusals = refusals;
    }

    Reply answer(HttpExchange exchange) {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        switch (method) {
            case "DELETE" -> {
                refusals.clear();
                return Reply.text(200, "Graph serves every field and folder again\n");
            }
            case "GET" -> {
                return Reply.text(200, refusals.describe());
            }
            case "POST" -> {
                return add(GraphRequest.decodeForm(exchange.getRequestURI().getRawQuery()));
            }
            default -> {
                return Reply.text(405, USAGE);
            }
        }
    }

    private Reply add(Map<String, String> params) {
        String version = params.get("version");
        try {
            if (params.containsKey("folder")) {
                refusals.refuseFolder(params.get("folder"), version);
                return Reply.text(200, "folder " + params.get("folder") + " is refused\n");
            }
            String field = params.get("field");
            String edge = params.getOrDefault("edge", "");
            if (field == null || field.isBlank()) {
                return Reply.text(400, USAGE);
            }
            if (edge.equalsIgnoreCase("messages")) {
                refusals.refuseField(Refusals.Edge.NESTED_MESSAGES, field, version);
                refusals.refuseField(Refusals.Edge.CONVERSATION_MESSAGES, field, version);
            } else {
                refusals.refuseField(Refusals.Edge.parse(edge), field, version);
            }
            return Reply.text(200, "field " + field + " is refused on " + edge + "\n");
        } catch (IllegalArgumentException e) {
            return Reply.text(400, e.getMessage() + "\n" + USAGE);
        }
    }
}
