package app.inboxsync.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The HTTP side: latency, form bodies, batch envelopes, admin paths, writing or dropping the answer. */
final class GraphHttpHandler implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(GraphHttpHandler.class);

    private final GraphCalls calls;
    private final BatchRequests batch;
    private final Function<HttpExchange, Reply> admin;
    private final Supplier<Duration> latency;

    GraphHttpHandler(GraphCalls calls, Function<HttpExchange, Reply> admin, Supplier<Duration> latency) {
        this.calls = calls;
        this.batch = new BatchRequests(calls);
        this.admin = admin;
        this.latency = latency;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        Reply reply;
        try {
            reply = answer(exchange);
        } catch (RuntimeException | IOException e) {
            // Never let a bug look like a dropped connection: say so, as Graph's code 1 would.
            LOG.warn("simulator failed on {} {}", exchange.getRequestMethod(), exchange.getRequestURI().getPath(), e);
            reply = GraphErrors.error(500, 1, 0, "An unknown error has occurred.", 0);
        }
        try {
            send(exchange, reply);
        } catch (IOException e) {
            // the client went away (timeout, killed process): nothing to answer, nothing to report loudly
            LOG.debug("client left before the answer to {} was sent: {}", exchange.getRequestURI().getPath(), e.getMessage());
            exchange.close();
        }
    }

    private Reply answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (path.startsWith("/_sim/")) {
            return admin.apply(exchange);
        }
        GraphCalls.sleep(latency.get());
        String method = exchange.getRequestMethod().toUpperCase();
        Map<String, String> form = Map.of();
        if (method.equals("POST")) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            form = GraphRequest.decodeForm(body);
        }
        GraphRequest req = GraphRequest.parse(method, path, exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders().getFirst("Authorization"), form);
        return method.equals("POST") && req.segments().isEmpty() ? batch.answer(req) : calls.call(req);
    }

    private static void send(HttpExchange exchange, Reply reply) throws IOException {
        if (reply.dropConnection()) {
            exchange.close(); // without response headers the JDK server closes the socket
            return;
        }
        reply.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
        if (reply.streaming() != null) {
            long length = reply.streaming().length();
            exchange.sendResponseHeaders(reply.status(), length < 0 ? 0 : length); // 0: chunked
            try (OutputStream out = exchange.getResponseBody()) {
                reply.streaming().writer().writeTo(out);
            }
            return;
        }
        byte[] body = reply.body();
        exchange.sendResponseHeaders(reply.status(), body.length == 0 ? -1 : body.length);
        if (reply.cutShort()) {
            OutputStream out = exchange.getResponseBody();
            out.write(body, 0, body.length / 2);
            out.flush();
            exchange.close(); // short of its Content-Length: the JDK server closes the connection
            return;
        }
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
