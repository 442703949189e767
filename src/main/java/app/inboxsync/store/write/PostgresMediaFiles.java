package app.inboxsync.store.write;

import app.inboxsync.media.MediaFiles;
import app.inboxsync.media.Sha256;
import app.inboxsync.store.jdbc.Transaction;
import app.inboxsync.store.server.Database;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Files inside PostgreSQL ({@code media_blobs}, V7), for a server database several machines share. A row is
 * inserted in one statement from a complete, checked download, so no reader sees part of a file.
 */
public final class PostgresMediaFiles implements MediaFiles {

    private final DataSource dataSource;
    private final Path temp;

    public PostgresMediaFiles(Database database, Path tempFolder) throws IOException {
        this.dataSource = Objects.requireNonNull(database, "database").dataSource();
        this.temp = tempFolder;
        Files.createDirectories(temp);
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(temp, "*.part")) {
            for (Path p : parts) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Override
    public boolean has(String sha256) {
        return Transaction.read(dataSource, "look up a stored file", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM media_blobs WHERE sha256 = ?")) {
                s.setString(1, sha256);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public boolean keep(Path complete, String sha256, long size) throws IOException {
        if (Files.size(complete) != size || !Sha256.of(complete).equals(sha256)) {
            throw new IOException("the downloaded file does not match its size or hash; not kept");
        }
        String sql = "INSERT INTO media_blobs (sha256, size, bytes) VALUES (?, ?, ?) ON CONFLICT (sha256) DO NOTHING";
        return Transaction.run(dataSource, "store a file in the database", c -> {
            try (PreparedStatement s = c.prepareStatement(sql); InputStream in = Files.newInputStream(complete)) {
                s.setString(1, sha256);
                s.setLong(2, size);
                s.setBinaryStream(3, in, size);
                return s.executeUpdate() == 1;
            } catch (IOException e) {
                throw new java.sql.SQLException("could not read the downloaded file: " + e.getMessage(), e);
            }
        });
    }

    @Override
    public InputStream open(String sha256) {
        return Transaction.read(dataSource, "read a stored file", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT bytes FROM media_blobs WHERE sha256 = ?")) {
                s.setString(1, sha256);
                try (ResultSet rs = s.executeQuery()) {
                    return rs.next() ? new ByteArrayInputStream(rs.getBytes(1)) : null;
                }
            }
        });
    }

    @Override
    public Path temporaryFolder() {
        return temp;
    }
}
