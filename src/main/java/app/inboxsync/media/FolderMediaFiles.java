package app.inboxsync.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files in a content-addressed folder: {@code <root>/ab/cd/<sha256>}. Downloads are written under {@code
 * <root>/tmp} (same file system), checked against their hash, then moved into place atomically: a file under its
 * hash name is always complete. Leftovers of a killed run in {@code tmp} are removed at start.
 */
public final class FolderMediaFiles implements MediaFiles {

    private final Path root;
    private final Path temp;

    public FolderMediaFiles(Path root) throws IOException {
        this.root = root;
        this.temp = root.resolve("tmp");
        Files.createDirectories(temp);
        removeLeftovers(temp);
    }

    static void removeLeftovers(Path temp) throws IOException {
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(temp, "*.part")) {
            for (Path p : parts) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** Where a file with this hash lives (whether or not it is there). */
    public Path path(String sha256) {
        if (!Sha256.valid(sha256)) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    @Override
    public boolean has(String sha256) {
        return Files.isRegularFile(path(sha256));
    }

    @Override
    public boolean keep(Path complete, String sha256, long size) throws IOException {
        Path target = path(sha256);
        if (Files.exists(target)) {
            return false;
        }
        if (Files.size(complete) != size || !Sha256.of(complete).equals(sha256)) {
            throw new IOException("the downloaded file does not match its size or hash; not kept");
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(complete, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            return false; // another download of the same bytes won
        }
        return true;
    }

    @Override
    public InputStream open(String sha256) throws IOException {
        try {
            return Files.newInputStream(path(sha256));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public Path temporaryFolder() {
        return temp;
    }
}
