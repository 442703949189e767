package app.inboxsync.media;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.app.MediaService;
import app.inboxsync.store.write.PostgresMediaFiles;
import app.inboxsync.sync.SyncListener;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files kept inside PostgreSQL ({@code media_blobs}), for a server database several machines share. */
class DatabaseMediaStoreTest {

    @TempDir
    Path home;

    private static String sha(byte[] bytes) {
        java.security.MessageDigest d = Sha256.digest();
        d.update(bytes);
        return Sha256.hex(d);
    }

    private static byte[] read(MediaFiles files, String sha) throws IOException {
        try (InputStream in = files.open(sha)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static long blobs(MediaFixture f) throws Exception {
        try (Connection c = f.db.dataSource().getConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM media_blobs")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aFileRoundTripsByItsHashIsKeptOnceAndAWrongHashIsRefused() throws Exception {
        try (MediaFixture f = new MediaFixture(41)) {
            PostgresMediaFiles files = new PostgresMediaFiles(f.db, home.resolve("tmp"));
            byte[] bytes = new byte[300_000];
            new Random(41).nextBytes(bytes);
            String sha = sha(bytes);
            assertFalse(files.has(sha));
            assertNull(files.open(sha), "no such file yet");

            Path download = Files.write(files.temporaryFolder().resolve("a.part"), bytes);
            assertTrue(files.keep(download, sha, bytes.length));
            assertTrue(files.has(sha));
            assertArrayEquals(bytes, read(files, sha), "the bytes come back exactly");

            Path again = Files.write(files.temporaryFolder().resolve("b.part"), bytes);
            assertFalse(files.keep(again, sha, bytes.length), "the same bytes a second time are not kept again");
            assertEquals(1, blobs(f));

            byte[] other = bytes.clone();
            other[0] ^= 1;
            Path wrong = Files.write(files.temporaryFolder().resolve("c.part"), other);
            assertThrows(IOException.class, () -> files.keep(wrong, sha(bytes).replace('a', 'b'), other.length),
                    "bytes that do not match the hash are never kept");
            assertThrows(IOException.class, () -> files.keep(wrong, sha(other), other.length - 1), "nor a wrong size");
            assertEquals(1, blobs(f));
        }
    }

    @Test
    void aFetchKeepsEveryFileInsideTheDatabaseOnceAndNothingInTheFolder() throws Exception {
        Path folder = home.resolve("media");
        try (MediaFixture f = new MediaFixture(42);
             MediaService media = new MediaService(f.db, f.graph, f.vault, MediaSettings.defaults(home)
                     .withStore(MediaSettings.Store.DATABASE).withFirstRetry(Duration.ofMillis(5)))) {
            f.sync(SyncListener.NONE);
            FetchTally.Snapshot run = media.fetch(f.page.id(), new FetchTally());
            List<MediaFixture.Row> stored = f.rows().stream().filter(r -> "stored".equals(r.status())).toList();
            Set<String> distinct = stored.stream().map(MediaFixture.Row::sha256).collect(Collectors.toSet());
            assertTrue(distinct.size() > 10 && distinct.size() < stored.size(),
                    "some picture was sent twice: " + distinct.size() + " of " + stored.size());
            assertEquals(distinct.size(), blobs(f), "one row per distinct file");
            assertEquals(distinct.size(), run.stored());
            assertEquals(stored.size() - distinct.size(), run.alreadyStored());
            for (MediaFixture.Row r : stored) {
                byte[] kept = read(media.files(), r.sha256());
                assertEquals(r.sha256(), sha(kept), r.toString());
                assertEquals(r.size(), (long) kept.length);
            }
            try (Stream<Path> all = Files.walk(folder)) {
                assertEquals(List.of(), all.filter(Files::isRegularFile).toList(), "no file outside the database");
            }
        }
    }
}
