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
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A Page token and an app secret used as canaries through syncs that hit every kind of failure, Graph errors
 * that quote the token included: neither they nor the appsecret_proof show up in any log line at any level
 * (TRACE captured), exception or event text, sync_runs.error, any database row, or any temp file written
 * meanwhile. (The CLI ITs check the home directory outside the token store.)
 */
class SecretsStayOutTest {
    private static final String APP_SECRET = "CANARY-app-secret-5f0c2e9d";

    @Test
    void canariesAppearNowhere() throws Exception {
        FileTime start = FileTime.fromMillis(System.currentTimeMillis() - 1000);
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        root.setLevel(Level.TRACE);
        List<String> texts = new CopyOnWriteArrayList<>();
        try (SyncFixture fx = new SyncFixture(SimulatorConfig.small(909).withPages(2).withConversations(150),
                sim -> new GraphClient(SyncFixture.unpaced(sim, 3).withAppSecret(Secret.of(APP_SECRET))
                        .withMaxRateLimitWait(Duration.ofSeconds(2)), (page, pause, reason) -> texts.add(reason)))) {
            SimPage page = fx.page(0);
            String token = page.token();
            List<String> canaries = List.of(token, APP_SECRET, proof(APP_SECRET, token));
            SyncListener listener = event -> texts.add(event.toString());

            fx.sim.faults().failRandomly(0.05, new Fault.DropConnection(), 1);
            fx.sim.faults().failRandomly(0.05, new Fault.CutMidBody(), 2);
            fx.sim.faults().failRandomly(0.05, new Fault.ServerError(502), 3);
            fx.sim.faults().failRandomly(0.05, new Fault.MalformedJson(), 4);
            // Graph quoting the token back, in a transient and in a fatal error
            fx.sim.faults().failNext(1, new Fault.GraphError(500, 2, 0, "Temporary: could not use access_token=" + token));
            texts.add(sync(fx, page, listener).toString());
            fx.sim.faults().clear();
            fx.sim.faults().failNext(3, new Fault.GraphError(500, 1, 0, "Reduce data for https://graph.facebook.com/v25.0/me?access_token="
                    + token + "&appsecret_proof=" + proof(APP_SECRET, token)));
            texts.add(sync(fx, page, listener).toString());
            fx.sim.faults().failNext(1, new Fault.GraphError(400, 100, 0, "(#100) Bad parameter access_token " + token));
            texts.add(sync(fx, page, listener).toString());
            fx.sim.faults().failNext(1, new Fault.GraphError(400, 190, 460, "Error validating access token " + token));
            texts.add(sync(fx, page, listener).toString());
            fx.sim.faults().clear();
            SyncResult clean = fx.service.sync(fx.request(page, true), listener, new CancelSignal());
            assertTrue(clean.succeeded(), clean.error());
            // last: the client then holds this Page's calls for the 30 minutes Graph asked for
            fx.sim.faults().failNext(1, new Fault.Throttled(new Fault.GraphError(400, 80001, 0,
                    "Too many calls for token " + token), 100, 30));
            texts.add(sync(fx, page, listener).toString());
            texts.add(sync(fx, page, listener).toString());
            assertTrue(fx.count("SELECT count(*) FROM sync_runs WHERE status = 'failed'") >= 3, "the error paths ran");

            for (ILoggingEvent e : logs.list) {
                texts.add(e.getFormattedMessage());
                if (e.getThrowableProxy() != null) {
                    texts.add(ThrowableProxyUtil.asString(e.getThrowableProxy()));
                }
            }
            assertTrue(logs.list.stream().anyMatch(e -> e.getLevel() == Level.DEBUG || e.getLevel() == Level.TRACE),
                    "the low levels were captured");
            texts.addAll(databaseRows(fx));
            for (String canary : canaries) {
                for (String text : texts) {
                    assertFalse(text.contains(canary), "a secret in: " + text);
                }
                assertFalse(tempFileWith(canary, start), "a secret in a temp file");
            }
        } finally {
            root.detachAppender(logs);
            root.setLevel(before);
        }
    }

    private static SyncResult sync(SyncFixture fx, SimPage page, SyncListener listener) {
        return fx.service.sync(fx.request(page, false), listener, new CancelSignal());
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
