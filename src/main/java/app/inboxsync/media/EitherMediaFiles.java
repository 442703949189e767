package app.inboxsync.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The store this machine keeps its downloads in, read together with the other one. Several machines may share one
 * PostgreSQL server: a scheduled sync on a server keeping its files in the database, a desktop keeping its own in
 * a folder. Rows say only "stored" and the hash, so a reader asks its own store first, then the other; a file the
 * other store has is not downloaded again. New files go to the chosen store only.
 */
public final class EitherMediaFiles implements MediaFiles {
    private final MediaFiles chosen;
    private final MediaFiles other;

    public EitherMediaFiles(MediaFiles chosen, MediaFiles other) {
        this.chosen = chosen;
        this.other = other;
    }

    @Override
    public boolean has(String sha256) {
        return chosen.has(sha256) || other.has(sha256);
    }

    @Override
    public boolean keep(Path complete, String sha256, long size) throws IOException {
        return chosen.keep(complete, sha256, size);
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        InputStream mine = chosen.open(sha256);
        return mine != null ? mine : other.open(sha256);
    }

    @Override
    public Path temporaryFolder() {
        return chosen.temporaryFolder();
    }
}
