package app.inboxsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Secret;
import app.inboxsync.graph.GraphClient;
import app.inboxsync.simulator.Fault;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import ch.qos.logback.classic.Level;
import app.inboxsync.testing.SecretWatch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * A Page token and an app secret used as canaries through syncs that hit every kind of failure, Graph errors
 * that quote the token included: neither they nor the appsecret_proof show up in any log line at any level
 * (the suite-wide {@link SecretWatch} sees TRACE), exception or event text, sync_runs.error, any database row,
 * or any temp file written meanwhile. Every network fault kind is armed for every sync that reaches Graph and
 * is counted as the simulator serves it, so each failure path really ran. (The CLI ITs check the home
 * directory outside the token store.)
 */
class SecretsStayOutTest {
    private static final String APP_SECRET = "CANARY-app-secret-5f0c2e9d";
    /** Enough attempts that all network faults and a transient Graph error in a row on one call still let it through. */
    private static final int ATTEMPTS = 9;
    private static final Duration READ_TIMEOUT = Duration.ofMillis(400);

    /** Every way the network or a proxy breaks a call; a fresh instance per kind, so each is counted alone. */
    private static List<Fault> networkFaults() {
        return List.of(new Fault.DropConnection(), new Fault.CutMidBody(), new Fault.ServerError(502),
                new Fault.ServerError(503), new Fault.MalformedJson(), new Fault.NotJson(),
                new Fault.Delay(READ_TIMEOUT.multipliedBy(2)));
    }

    private final Map<String, AtomicInteger> served = new ConcurrentHashMap<>();

    @Test
    void canariesAppearNowhere() throws Exception {
        FileTime start = FileTime.fromMillis(System.currentTimeMillis() - 1000);
        List<String> texts = new CopyOnWriteArrayList<>();
        try (SyncFixture fx = new SyncFixture(SimulatorConfig.small(909).withPages(2).withConversations(150),
                sim -> new GraphClient(SyncFixture.unpaced(sim, ATTEMPTS).withAppSecret(Secret.of(APP_SECRET))
                        .withTimeouts(Duration.ofSeconds(5), READ_TIMEOUT).withMaxRateLimitWait(Duration.ofSeconds(2)),
                        (page, pause, reason) -> texts.add(reason)))) {
            SimPage page = fx.page(0);
            String token = page.token();
            List<String> canaries = List.of(token, APP_SECRET, proof(APP_SECRET, token));
            canaries.forEach(SecretWatch::forbid);
            SyncListener listener = event -> texts.add(event.toString());

            // Graph quoting the token back, in transient and in fatal errors; each after the network faults
            texts.add(armedSync(fx, page, listener, false,
                    new Fault.GraphError(500, 2, 0, "Temporary: could not use access_token=" + token)).toString());
            texts.add(armedSync(fx, page, listener, false, new Fault.GraphError(500, 1, 0,
                    "Reduce data for https://graph.facebook.com/v25.0/me?access_token=" + token + "&appsecret_proof="
                            + proof(APP_SECRET, token))).toString());
            texts.add(armedSync(fx, page, listener, false,
                    new Fault.GraphError(400, 100, 0, "(#100) Bad parameter access_token " + token)).toString());
            texts.add(armedSync(fx, page, listener, false,
                    new Fault.GraphError(400, 190, 460, "Error validating access token " + token)).toString());
            SyncResult clean = armedSync(fx, page, listener, true, null);
            assertTrue(clean.succeeded(), clean.error());
            // the client then holds this Page's calls for the 30 minutes Graph asked for
            texts.add(armedSync(fx, page, listener, false, new Fault.Throttled(new Fault.GraphError(400, 80001, 0,
                    "Too many calls for token " + token), 100, 30)).toString());
            // held: this sync fails without a call (so no network fault can be armed for it), saying why
            long before = fx.sim.requestCount(page.id());
            SyncResult held = sync(fx, page, listener, false);
            texts.add(held.toString());
            assertEquals(SyncResult.Status.FAILED, held.status());
            assertEquals(before, fx.sim.requestCount(page.id()), "the held sync made no call");
            assertTrue(fx.count("SELECT count(*) FROM sync_runs WHERE status = 'failed'") >= 4, "the error paths ran");

            assertTrue(SecretWatch.events(Level.DEBUG) + SecretWatch.events(Level.TRACE) > 0, "the low levels were captured");
            assertEquals(List.of(), SecretWatch.takeOffending(), "no secret in any log event");
            texts.addAll(databaseRows(fx));
            for (String canary : canaries) {
                for (String text : texts) {
                    assertFalse(text.contains(canary), "a secret in: " + text);
                }
                assertFalse(tempFileWith(canary, start), "a secret in a temp file");
            }
        }
    }

    /**
     * One sync with every network fault armed, one after the other on the Page's first calls (the client's
     * retries carry it through), then {@code then} on the next call; asserts the simulator served each of them.
     */
    private SyncResult armedSync(SyncFixture fx, SimPage page, SyncListener listener, boolean full, Fault then) {
        served.clear();
        List<Fault> faults = networkFaults();
        for (Fault f : faults) {
            fx.sim.faults().failNext(1, f, call -> page.id().equals(call.pageId()) && counted(f));
        }
        if (then != null) {
            fx.sim.faults().failNext(1, then, call -> page.id().equals(call.pageId()) && counted(then));
        }
        try {
            return sync(fx, page, listener, full);
        } finally {
            fx.sim.faults().clear();
            for (Fault f : faults) {
                assertEquals(1, servedCount(f), "the simulator served " + f);
            }
            if (then != null) {
                assertEquals(1, servedCount(then), "the simulator served " + then);
            }
        }
    }

    /** Called by the simulator when the fault is about to be served (the predicate that takes it said yes). */
    private boolean counted(Fault f) {
        served.computeIfAbsent(key(f), k -> new AtomicInteger()).incrementAndGet();
        return true;
    }

    private int servedCount(Fault f) {
        AtomicInteger n = served.get(key(f));
        return n == null ? 0 : n.get();
    }

    private static String key(Fault f) {
        return f.getClass().getSimpleName() + "@" + System.identityHashCode(f);
    }

    private static SyncResult sync(SyncFixture fx, SimPage page, SyncListener listener, boolean full) {
        return fx.service.sync(fx.request(page, full), listener, new CancelSignal());
    }

    /** Every row of every table, as JSON text. */
    private static List<String> databaseRows(SyncFixture fx) throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection c = fx.db.dataSource().getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertTrue(tables.contains("sync_runs") && tables.contains("messenger_messages"), tables.toString());
            for (String table : tables) {
                try (ResultSet rs = c.createStatement().executeQuery("SELECT row_to_json(t)::text FROM \"" + table + "\" t")) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
            }
        }
        assertEquals(false, rows.isEmpty());
        return rows;
    }

    private static boolean tempFileWith(String canary, FileTime since) throws IOException {
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        byte[] needle = canary.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(tmp, 3)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                try {
                    if (Files.getLastModifiedTime(f).compareTo(since) >= 0 && Files.size(f) < 20_000_000
                            && new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)
                            .contains(new String(needle, StandardCharsets.ISO_8859_1))) {
                        return true;
                    }
                } catch (IOException | SecurityException unreadable) {
                    // another user's file, or gone meanwhile
                }
            }
        } catch (java.io.UncheckedIOException walkRace) {
            // a directory vanished while walking: other builds share /tmp
        }
        return false;
    }

    private static String proof(String secret, String token) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(token.getBytes(StandardCharsets.UTF_8)));
    }
}
