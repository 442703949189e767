package app.inboxsync.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.time.Duration;
import java.util.Map;

/**
 * {@code /_sim/faults}: fault injection by hand, for trying a running {@code demo-server}.
 * {@code POST /_sim/faults?kind=K&count=N} makes the next N Graph calls fail with K;
 * {@code DELETE /_sim/faults} clears every pending fault.
 */
final class FaultRoutes {
    private static final String KINDS = "drop, server-error, cut-mid-body, malformed, not-json, temporary, reduce-data, rate-limit, slow, out-of-order, "
            + "repeating-next, endless, oversized, trickle, huge-text, far-future, negative-count, no-participant-id, "
            + "too-many-requests, unauthorized-html, forbidden-html";
    private final Faults faults;

    FaultRoutes(Faults faults) {
        this.faults = faults;
    }

    Reply answer(HttpExchange exchange) {
        String method = exchange.getRequestMethod().toUpperCase();
        if (method.equals("DELETE")) {
            faults.clear();
            return Reply.text(200, "all faults cleared\n");
        }
        if (!method.equals("POST")) {
            return Reply.text(405, "use POST /_sim/faults?kind=K&count=N or DELETE /_sim/faults\n");
        }
        Map<String, String> params = GraphRequest.decodeForm(exchange.getRequestURI().getRawQuery());
        Fault fault = fault(params.getOrDefault("kind", ""));
        if (fault == null) {
            return Reply.text(400, "kind must be one of: " + KINDS + "\n");
        }
        int count;
        try {
            count = Integer.parseInt(params.getOrDefault("count", "1"));
        } catch (NumberFormatException e) {
            return Reply.text(400, "count=N must be a number\n");
        }
        faults.failNext(Math.max(1, count), fault);
        return Reply.text(200, "the next " + (count <= 1 ? "Graph call gets: " : count + " Graph calls get: ") + params.get("kind") + "\n");
    }

    private static Fault fault(String kind) {
        return switch (kind) {
            case "drop" -> new Fault.DropConnection();
            case "server-error" -> new Fault.ServerError(502);
            case "cut-mid-body" -> new Fault.CutMidBody();
            case "malformed" -> new Fault.MalformedJson();
            case "not-json" -> new Fault.NotJson();
            case "temporary" -> new Fault.GraphError(500, 2, 0, "An unexpected error has occurred. Please retry your request later.");
            case "reduce-data" -> new Fault.GraphError(400, 1, 0,
                    "Please reduce the amount of data you're asking for, then retry your request");
            case "rate-limit" -> new Fault.GraphError(400, 32, 0, "(#32) Page request limit reached");
            case "slow" -> new Fault.Delay(Duration.ofSeconds(5));
            case "out-of-order" -> new Fault.ShuffledOrder();
            case "repeating-next" -> new Fault.RepeatingNext(true);
            case "endless" -> new Fault.EndlessBody();
            case "oversized" -> new Fault.OversizedBody(300L << 20);
            case "trickle" -> new Fault.Trickle(1);
            case "huge-text" -> new Fault.HugeText(21_000_000);
            case "far-future" -> new Fault.OddTime("9999-12-31T23:59:59+0000");
            case "negative-count" -> new Fault.OddCount(-7);
            case "no-participant-id" -> new Fault.ParticipantWithoutId();
            case "too-many-requests" -> new Fault.TooManyRequests("10");
            case "unauthorized-html" -> new Fault.ServerError(401);
            case "forbidden-html" -> new Fault.ServerError(403);
            default -> null;
        };
    }
}
