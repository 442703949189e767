package app.inboxsync.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.app.MediaService;
import app.inboxsync.sync.SyncListener;
import app.inboxsync.simulator.SimConversation;
import app.inboxsync.simulator.SimMessage;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attachments downloaded from the simulator's CDN over HTTP into the real store (embedded PostgreSQL). */
class MediaStoreTest {

    private static final long MB = MediaSettings.MB;
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    /** The ground truth: message id → its attachments' links (without expiry) in order. */
    private static Map<String, List<String>> truth(MediaFixture f) throws Exception {
        Map<String, List<String>> out = new HashMap<>();
        for (SimConversation c : f.sim.conversations(f.page.id())) {
            for (SimMessage m : f.sim.messages(c.id())) {
                if (m.attachmentsJson() != null) {
                    JsonNode data = JSON.readTree(m.attachmentsJson()).path("data");
                    out.put(m.id(), Stream.iterate(0, i -> i < data.size(), i -> i + 1).map(data::get)
                            .map(a -> Stream.of("/video_data/url", "/image_data/url", "/file_url").map(a::at)
                                    .filter(n -> !n.isMissingNode()).findFirst().orElseThrow().asText())
                            .toList());
                }
            }
        }
        return out;
    }

    private static byte[] served(String url) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, r.statusCode(), url);
        return r.body();
    }

    private static byte[] stored(MediaService media, String sha) throws Exception {
        try (InputStream in = media.files().open(sha)) {
            assertNotNull(in, "file " + sha + " is in the store");
            return in.readAllBytes();
        }
    }

    @Test
    void bytesRoundTripExactlyAndTheSamePictureIsKeptOnce() throws Exception {
        try (MediaFixture f = new MediaFixture(21); MediaService media = f.media(home.resolve("media"), 25 * MB, 1024 * MB)) {
            f.sync(SyncListener.NONE);
            FetchTally.Snapshot run = media.fetch(f.page.id(), new FetchTally());
            List<MediaFixture.Row> rows = f.rows();
            Map<String, List<String>> truth = truth(f);
            assertEquals(truth.values().stream().mapToInt(List::size).sum(), rows.size(), "every attachment is listed");
            Set<String> shas = new HashSet<>();
            int stored = 0;
            for (MediaFixture.Row row : rows) {
                if (row.declaredSize() > 25 * MB) {
                    assertEquals("too_large", row.status(), row.toString());
                    continue;
                }
                assertEquals("stored", row.status(), row.toString());
                stored++;
                byte[] servedBytes = served(truth.get(row.messageId()).get(row.index()));
                assertEquals(Sha256.hex(digestOf(servedBytes)), row.sha256(), "hash served = hash stored");
                assertArrayEquals(servedBytes, stored(media, row.sha256()));
                assertEquals(row.declaredSize(), row.size());
                shas.add(row.sha256());
            }
            assertTrue(stored > 20, "a few dozen files: " + stored);
            assertTrue(shas.size() < stored, "some picture was sent twice and is kept once");
            assertEquals(shas.size(), run.stored(), "one download kept per distinct file");
            assertEquals(stored - shas.size(), run.alreadyStored());
            try (Stream<Path> kept = Files.walk(home.resolve("media"))) {
                assertEquals(shas, kept.filter(Files::isRegularFile).map(p -> p.getFileName().toString())
                        .collect(Collectors.toSet()), "the folder holds each file once, under its hash, and nothing else");
            }
            assertTrue(rows.stream().map(MediaFixture.Row::kind).collect(Collectors.toSet())
                    .containsAll(Set.of("image", "sticker", "file")), rows.stream().map(MediaFixture.Row::kind).distinct().toList().toString());
            // a second run has nothing left to do
            assertEquals(0, media.fetch(f.page.id(), new FetchTally()).done());
        }
    }

    @Test
    void theSizeCapAndTheQuotaAreHonouredReportedAndARestartContinues() throws Exception {
        Path folder = home.resolve("media");
        try (MediaFixture f = new MediaFixture(22)) {
            f.sync(SyncListener.NONE);
            long cap = 150 * 1024;
            long quota = 600 * 1024;
            FetchTally.Snapshot first;
            try (MediaService media = f.media(folder, cap, quota)) {
                first = media.fetch(f.page.id(), new FetchTally());
                MediaSummary s = media.summary(f.page.id()).get(0);
                assertTrue(s.storedBytes() <= quota, "within the quota: " + s.storedBytes());
                assertTrue(s.count(MediaStatus.PENDING) > 0, "what did not fit stays pending");
                assertTrue(s.count(MediaStatus.TOO_LARGE) > 0);
            }
            assertTrue(first.quotaReached());
            List<MediaFixture.Row> rows = f.rows();
            for (MediaFixture.Row r : rows) {
                if ("stored".equals(r.status())) {
                    assertTrue(r.size() <= cap, r.toString());
                }
                if ("too_large".equals(r.status())) {
                    assertTrue(r.declaredSize() > cap, r.toString());
                    assertTrue(r.error().contains("size cap of 150.0 KB"), r.error());
                }
            }
            assertTrue(rows.stream().anyMatch(r -> "pending".equals(r.status()) && r.error() != null
                    && r.error().contains("quota of 600.0 KB is full")), "the quota is said where the files wait");
            long storedBefore = rows.stream().filter(r -> "stored".equals(r.status())).count();
            // a leftover of a killed download: removed at start, never taken for a file
            Files.writeString(folder.resolve("tmp").resolve("killed.part"), "half a picture");

            try (MediaService again = f.media(folder, cap, 1024 * MB)) { // a new process with room: it continues
                assertFalse(Files.exists(folder.resolve("tmp").resolve("killed.part")));
                FetchTally.Snapshot second = again.fetch(f.page.id(), new FetchTally());
                assertFalse(second.quotaReached());
                MediaSummary s = again.summary(f.page.id()).get(0);
                assertEquals(0, s.count(MediaStatus.PENDING));
                assertTrue(f.rows().stream().filter(r -> "stored".equals(r.status())).count() > storedBefore);
                assertEquals(f.rows().stream().filter(r -> r.declaredSize() > cap).count(), s.count(MediaStatus.TOO_LARGE),
                        "exactly the files over the cap are too large, none downloaded");
            }
        }
    }

    @Test
    void anExpiredLinkIsRefreshedThroughGraphThenStored() throws Exception {
        try (MediaFixture f = new MediaFixture(23); MediaService media = f.media(home.resolve("media"), 25 * MB, 1024 * MB)) {
            f.sim.cdn().setLinkLifetime(Duration.ofHours(6));
            f.sync(SyncListener.NONE);
            f.sim.cdn().expireServedLinks(); // every link the sync stored is dead now
            long graphCalls = f.sim.requestCount(f.page.id());
            FetchTally.Snapshot run = media.fetch(f.page.id(), new FetchTally());
            long refreshCalls = f.sim.requestCount(f.page.id()) - graphCalls;
            List<MediaFixture.Row> rows = f.rows();
            long downloadable = rows.stream().filter(r -> r.declaredSize() <= 25 * MB).count();
            assertEquals(downloadable, rows.stream().filter(r -> "stored".equals(r.status())).count(), rows.toString());
            assertEquals(downloadable, run.refreshed(), "each expired link was asked of Graph once");
            assertEquals(downloadable, refreshCalls, "only the refreshes are Graph calls; the downloads are not");
            assertTrue(f.sim.cdn().downloads() >= run.stored());
            rows.stream().filter(r -> "stored".equals(r.status()))
                    .forEach(r -> assertTrue(r.url().contains("oe="), "the fresh link is kept: " + r.url()));
        }
    }

    @Test
    void aFileTheCdnNoLongerHasEndsAsGoneNotRetriedForever() throws Exception {
        try (MediaFixture f = new MediaFixture(24); MediaService media = f.media(home.resolve("media"), 25 * MB, 1024 * MB)) {
            f.sync(SyncListener.NONE);
            Map.Entry<String, List<String>> lost = truth(f).entrySet().iterator().next();
            f.sim.cdn().remove(lost.getValue().get(0));
            media.fetch(f.page.id(), new FetchTally());
            MediaFixture.Row row = f.rows().stream().filter(r -> r.messageId().equals(lost.getKey()) && r.index() == 0)
                    .findFirst().orElseThrow();
            assertEquals("gone", row.status());
            assertTrue(row.error().contains("404") && row.error().contains("fresh link"), row.error());
            assertEquals(0, media.fetch(f.page.id(), new FetchTally()).done(), "not tried again");
        }
    }

    @Test
    void downloadsRunBesideTheSyncAfterEachBatch() throws Exception {
        try (MediaFixture f = new MediaFixture(25); MediaService media = f.media(home.resolve("media"), 25 * MB, 1024 * MB);
             MediaAfterBatches after = media.afterBatches()) {
            assertTrue(f.sync(after).succeeded());
            assertTrue(after.finish(Duration.ofMinutes(2)), "the background fetches end");
            List<MediaFixture.Row> rows = f.rows();
            assertTrue(after.tally().stored() > 0, "fetched in the background");
            assertEquals(rows.stream().filter(r -> r.declaredSize() <= 25 * MB).count(),
                    rows.stream().filter(r -> "stored".equals(r.status())).count(), rows.toString());
        }
    }

    private static java.security.MessageDigest digestOf(byte[] b) {
        java.security.MessageDigest d = Sha256.digest();
        d.update(b);
        return d;
    }
}
