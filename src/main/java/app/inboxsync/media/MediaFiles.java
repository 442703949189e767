package app.inboxsync.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The port to where file contents are kept, content-addressed by SHA-256: a folder, or a PostgreSQL table.
 * Keeping is all or nothing: a reader never sees part of a file under its hash.
 */
public interface MediaFiles {

    boolean has(String sha256);

    /** Takes the complete, checked file at {@code complete} (moving or copying it); returns false if it was there. */
    boolean keep(Path complete, String sha256, long size) throws IOException;

    /** The stored bytes, or null when there is no such file. */
    InputStream open(String sha256) throws IOException;

    /** Where downloads are written while they run (never under a hash name). */
    Path temporaryFolder();
}
