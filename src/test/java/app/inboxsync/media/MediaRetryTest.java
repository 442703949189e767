package app.inboxsync.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.cdn.OkHttpCdnDownload;
import app.inboxsync.simulator.CdnLinks.Breakage;
import app.inboxsync.store.write.PostgresMediaQueue;
import app.inboxsync.sync.SyncListener;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Transient CDN failures (a 503, a connection dropped half-way through the body) are tried again with exponential
 * backoff, on a test clock that moves only when the fetcher waits, until the file is stored or the tries run out.
 */
class MediaRetryTest {

    private static final Duration FIRST_RETRY = Duration.ofSeconds(2);

    @TempDir
    Path home;

    /** A clock that moves only when the fetcher pauses on it; the pauses are recorded. */
    private static final class TestTime extends Clock {
        // a minute ahead of the database's now(), so what the sync listed is due at once
        private Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(60);
        final List<Duration> pauses = new ArrayList<>();

        synchronized void pause(Duration d) {
            pauses.add(d);
            now = now.plus(d);
        }

        @Override
        public synchronized Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }

    private record Outcome(FetchTally.Snapshot run, MediaFixture.Row row, int attempts) { }

    /** Syncs, breaks the first picture's next answers as asked, fetches with {@code maxAttempts}. */
    private Outcome fetchWithBroken(MediaFixture f, TestTime time, int maxAttempts, Breakage... answers) throws Exception {
        f.sync(SyncListener.NONE);
        PostgresMediaQueue queue = new PostgresMediaQueue(f.db);
        queue.enqueue(f.page.id());
        List<MediaFixture.Row> rows = f.rows();
        // a picture sent once, so no other download takes its broken answers
        MediaFixture.Row victim = rows.stream().filter(r -> "image".equals(r.kind()))
                .filter(r -> rows.stream().filter(o -> o.url().equals(r.url())).count() == 1).findFirst().orElseThrow();
        f.sim.cdn().breakNext(victim.url(), answers);
        MediaSettings settings = new MediaSettings(true, MediaSettings.Store.FILES, home.resolve("media"),
                25 * MediaSettings.MB, 1024 * MediaSettings.MB, 2, maxAttempts, FIRST_RETRY);
        AttachmentLinks noRefresh = (page, message, index) -> {
            throw new AssertionError("a transient failure is not an expired link: no Graph call");
        };
        FetchTally.Snapshot run;
        try (OkHttpCdnDownload cdn = new OkHttpCdnDownload(Duration.ofSeconds(30));
             MediaFetcher fetcher = new MediaFetcher(queue, new FolderMediaFiles(settings.folder()), cdn, noRefresh,
                     settings, time, time::pause)) {
            run = fetcher.fetch(f.page.id(), new FetchTally());
        }
        MediaFixture.Row row = f.rows().stream().filter(r -> r.messageId().equals(victim.messageId())
                && r.index() == victim.index()).findFirst().orElseThrow();
        return new Outcome(run, row, attempts(f, row));
    }

    @Test
    void a503ThenADroppedConnectionAreRetriedWithBackoffThenTheFileIsStoredWhole() throws Exception {
        TestTime time = new TestTime();
        try (MediaFixture f = new MediaFixture(31)) {
            Outcome o = fetchWithBroken(f, time, 5, Breakage.UNAVAILABLE, Breakage.DROPPED);
            assertEquals("stored", o.row().status(), o.row().toString());
            assertEquals(sha256Served(o.row().url()), o.row().sha256(), "the whole file, not the half sent before the drop");
            assertEquals(2, o.run().retryLater(), "both failures counted as retries");
            assertEquals(0, o.run().failed());
            assertEquals(2, o.attempts(), "the attempts are kept with the row");
            assertEquals(List.of(FIRST_RETRY, FIRST_RETRY.multipliedBy(2)), time.pauses,
                    "exponential backoff: 2 s, then 4 s, waited within the run");
            assertEquals(null, o.row().error(), "a stored file carries no error");
            assertEquals(0, f.rows().stream().filter(r -> "pending".equals(r.status())).count());
            try (Stream<Path> parts = Files.list(home.resolve("media").resolve("tmp"))) {
                assertEquals(0, parts.count(), "the half download was removed");
            }
        }
    }

    @Test
    void aFileThatKeepsFailingEndsAsFailedAfterItsTriesWithTheCdnsWords() throws Exception {
        TestTime time = new TestTime();
        try (MediaFixture f = new MediaFixture(32)) {
            Outcome o = fetchWithBroken(f, time, 3, Breakage.UNAVAILABLE, Breakage.DROPPED, Breakage.UNAVAILABLE,
                    Breakage.UNAVAILABLE);
            assertEquals("failed", o.row().status(), o.row().toString());
            assertTrue(o.row().error().contains("503") && o.row().error().contains("gave up after 3 attempts"),
                    o.row().error());
            assertEquals(1, o.run().failed());
            assertEquals(2, o.run().retryLater());
            assertEquals(List.of(FIRST_RETRY, FIRST_RETRY.multipliedBy(2)), time.pauses);
            assertTrue(f.rows().stream().filter(r -> r.declaredSize() <= 25 * MediaSettings.MB)
                    .filter(r -> !r.messageId().equals(o.row().messageId()) || r.index() != o.row().index())
                    .allMatch(r -> "stored".equals(r.status())), "the other files are not held up");
        }
    }

    private static int attempts(MediaFixture f, MediaFixture.Row row) throws Exception {
        try (Connection c = f.db.dataSource().getConnection();
             PreparedStatement s = c.prepareStatement(
                     "SELECT attempts FROM message_media WHERE message_id = ? AND attachment_index = ?")) {
            s.setString(1, row.messageId());
            s.setInt(2, row.index());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    private static String sha256Served(String url) throws Exception {
        HttpResponse<InputStream> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, r.statusCode());
        java.security.MessageDigest d = Sha256.digest();
        try (InputStream in = r.body()) {
            d.update(in.readAllBytes());
        }
        return Sha256.hex(d);
    }
}
