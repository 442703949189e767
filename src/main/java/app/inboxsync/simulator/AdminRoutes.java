package app.inboxsync.simulator;

import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code /_sim/…}: not Graph, but handles for demos. {@code GET /_sim/health};
 * {@code POST /_sim/activity?page=ID&conversations=N} adds a customer message to N random conversations of
 * the Page and starts one new conversation. Admin calls are not counted as Graph calls.
 */
final class AdminRoutes {

    private final World world;
    private final SplittableRandom random;

    AdminRoutes(World world, long seed) {
        this.world = world;
        this.random = new SplittableRandom(seed ^ 0xAC71L);
    }

    Reply answer(HttpExchange exchange) {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod().toUpperCase();
        if (path.equals("/_sim/health")) {
            return json(g -> g.writeStringField("status", "ok"));
        }
        if (path.equals("/_sim/activity") && method.equals("POST")) {
            Map<String, String> params = GraphRequest.decodeForm(exchange.getRequestURI().getRawQuery());
            int page = world.pageIndex(params.get("page"));
            if (page < 0) {
                return Reply.text(400, "unknown or missing page=ID");
            }
            int n;
            try {
                n = Integer.parseInt(params.getOrDefault("conversations", "5"));
            } catch (NumberFormatException e) {
                return Reply.text(400, "conversations=N must be a number");
            }
            return activity(page, Math.max(0, n));
        }
        return Reply.text(404, "no such simulator admin path: " + path);
    }

    private Reply activity(int page, int n) {
        List<StoredConversation> all = world.allOf(page);
        List<String> touched = new ArrayList<>();
        synchronized (random) {
            for (int i = 0; i < n && !all.isEmpty(); i++) {
                String id = world.ids.conversationId(all.get(random.nextInt(all.size())).number());
                try {
                    world.addMessage(id, true, SampleTexts.CUSTOMER_TEXTS.get(random.nextInt(SampleTexts.CUSTOMER_TEXTS.size())));
                    touched.add(id);
                } catch (IllegalArgumentException deletedMeanwhile) {
                    // a concurrent delete won the race; one message fewer is fine for a demo
                }
            }
        }
        SimConversation created = world.addConversation(world.pages.get(page).id(), "inbox", 1);
        return json(g -> {
            g.writeStringField("page", world.pages.get(page).id());
            g.writeNumberField("messages_added", touched.size());
            g.writeArrayFieldStart("updated_conversations");
            for (String id : touched) {
                g.writeString(id);
            }
            g.writeEndArray();
            g.writeStringField("new_conversation", created.id());
        });
    }

    @FunctionalInterface
    private interface Fields {
        void write(JsonGenerator g) throws IOException;
    }

    private static Reply json(Fields fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = GraphJson.FACTORY.createGenerator(out)) {
            g.writeStartObject();
            fields.write(g);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Reply.json(200, out.toByteArray());
    }
}
