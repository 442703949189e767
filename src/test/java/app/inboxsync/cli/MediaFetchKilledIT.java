package app.inboxsync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.media.Sha256;
import app.inboxsync.simulator.GraphSimulator;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.store.server.Database;
import app.inboxsync.store.server.EmbeddedDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged CLI killed with SIGKILL in the middle of {@code media fetch} (a slow CDN, so several downloads are
 * half written): no file under a hash name is anything but that hash's bytes, no row says stored for a file that
 * is missing or partial, and the next run finishes with every file stored, byte for byte what the simulator served.
 */
class MediaFetchKilledIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final long CAP = 25L * 1024 * 1024;

    @TempDir
    Path tmp;

    /** One row of {@code message_media}. */
    record Row(String messageId, int index, String status, long declaredSize, String sha256, String url) { }

    @Test
    void killedMidDownloadNoFileClaimsToBeCompleteAndTheNextRunStoresEveryFile() throws Exception {
        try (GraphSimulator sim = GraphSimulator.start(SimulatorConfig.small(77).withPages(1).withConversations(150))) {
            SimPage page = sim.pages().get(0);
            Path home = tmp.resolve("home");
            Path media = home.resolve("media");
            CliProcess cli = new CliProcess(home, Map.of("INBOXSYNC_GRAPH_URL", sim.baseUrl(), "INBOXSYNC_RATE", "0"));
            assertEquals(0, cli.run("pages", "add", "--token", page.token()).exit());
            CliProcess.Outcome synced = cli.run("sync", "--page", page.id());
            assertEquals(0, synced.exit(), synced.all());

            sim.cdn().setBytesPerSecond(96 * 1024); // a few seconds a file: the kill lands mid-download
            Process fetching = cli.start("media", "fetch", "--page", page.id());
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            boolean halfWritten = false;
            while (fetching.isAlive() && System.nanoTime() < deadline
                    && !(halfWritten = kept(media).size() >= 2 && partial(media))) {
                Thread.sleep(20);
            }
            assertTrue(fetching.isAlive(), "media fetch should still be running: " + cli.stdout() + cli.stderr());
            assertTrue(halfWritten, "some files were kept and one was half written when killed");
            fetching.destroyForcibly().waitFor(); // SIGKILL: no shutdown hook, no cleanup
            sim.cdn().setBytesPerSecond(0);

            List<Row> afterKill = rows(home);
            assertFalse(afterKill.isEmpty());
            List<Path> keptAfterKill = kept(media);
            for (Path file : keptAfterKill) {
                assertEquals(file.getFileName().toString(), Sha256.of(file), "a file under its hash name is complete: " + file);
            }
            long storedAfterKill = 0;
            for (Row r : afterKill) {
                if ("stored".equals(r.status())) {
                    storedAfterKill++;
                    Path file = inStore(media, r.sha256());
                    assertTrue(Files.isRegularFile(file), "a row says stored, so its file is there: " + r);
                    assertEquals(r.sha256(), Sha256.of(file), r.toString());
                }
            }
            assertTrue(storedAfterKill > 0 && afterKill.stream().anyMatch(r -> "pending".equals(r.status())),
                    "killed part-way: some stored, some still pending");

            CliProcess.Outcome rerun = cli.run("media", "fetch", "--page", page.id());
            assertEquals(0, rerun.exit(), rerun.all());
            try (Stream<Path> parts = Files.list(media.resolve("tmp"))) {
                assertEquals(0, parts.count(), "the half-written downloads are gone");
            }
            List<Row> finished = rows(home);
            assertEquals(afterKill.size(), finished.size());
            for (Row r : finished) {
                if (r.declaredSize() > CAP) {
                    assertEquals("too_large", r.status(), r.toString());
                    continue;
                }
                assertEquals("stored", r.status(), r.toString());
                String served = Sha256.hex(digest(r.url()));
                assertEquals(served, r.sha256(), "hash served = hash stored: " + r);
                assertEquals(served, Sha256.of(inStore(media, r.sha256())), "the file holds what was served: " + r);
            }
            assertTrue(kept(media).size() > keptAfterKill.size(), "the next run kept the rest");
        }
    }

    /** Files under a hash name (not the temporary downloads). */
    private static List<Path> kept(Path media) throws IOException {
        if (!Files.isDirectory(media)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(media)) {
            return all.filter(Files::isRegularFile).filter(p -> !p.getParent().equals(media.resolve("tmp")))
                    .filter(p -> Sha256.valid(p.getFileName().toString())).toList();
        }
    }

    /** A download in progress with some bytes written. */
    private static boolean partial(Path media) throws IOException {
        Path temp = media.resolve("tmp");
        if (!Files.isDirectory(temp)) {
            return false;
        }
        try (Stream<Path> parts = Files.list(temp)) {
            return parts.anyMatch(p -> {
                try {
                    return p.toString().endsWith(".part") && Files.size(p) > 0;
                } catch (IOException finishedMeanwhile) {
                    return false;
                }
            });
        }
    }

    private static Path inStore(Path media, String sha) {
        assertNotNull(sha);
        return media.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
    }

    /** The home's own embedded database, read while no CLI runs. */
    private static List<Row> rows(Path home) throws Exception {
        List<Row> out = new ArrayList<>();
        try (EmbeddedDatabase server = EmbeddedDatabase.start(home); Database db = Database.connect(server.settings());
             Connection c = db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT message_id, attachment_index, status, declared_size,"
                     + " sha256, source_url FROM message_media ORDER BY message_id, attachment_index")) {
            while (rs.next()) {
                out.add(new Row(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                        rs.getString(6)));
            }
        }
        return out;
    }

    private static MessageDigest digest(String url) throws Exception {
        HttpResponse<InputStream> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode(), url);
        MessageDigest d = Sha256.digest();
        try (InputStream in = r.body()) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                d.update(buf, 0, n);
            }
        }
        return d;
    }
}
