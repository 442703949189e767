package app.inboxsync.secrets;

import app.inboxsync.domain.Secret;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Properties;

/**
 * Page tokens in a file only the user can read ({@code tokens.properties}, mode 600, written atomically):
 * the fallback where no OS keychain is reachable (servers, containers). Thread safe within one process.
 */
public final class FileTokenVault implements TokenVault {
    private final Path file;

    public FileTokenVault(Path home) {
        this.file = home.resolve("tokens.properties");
    }

    @Override
    public String describe() {
        return "the owner-only file " + file;
    }

    @Override
    public synchronized Optional<Secret> token(String pageId) {
        String value = load().getProperty(pageId);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Secret.of(value));
    }

    @Override
    public synchronized void store(String pageId, Secret token) {
        Properties all = load();
        all.setProperty(pageId, token.reveal());
        save(all);
    }

    @Override
    public synchronized boolean remove(String pageId) {
        Properties all = load();
        boolean had = all.remove(pageId) != null;
        if (had) {
            save(all);
        }
        return had;
    }

    private Properties load() {
        Properties p = new Properties();
        if (Files.exists(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the token file " + file + " (" + reason(e) + "). Make it "
                        + "readable for this user, or move it aside and add the Pages again (inbox-sync pages add --token).", e);
            } catch (IllegalArgumentException e) {
                // what Properties.load says of a broken backslash-u escape: a line edited by hand or cut off
                throw new IllegalStateException("The token file " + file + " is damaged (" + e.getMessage().strip()
                        + ") and cannot be read. Fix the broken line (a backslash followed by u must start four hex "
                        + "digits), or move the file aside and add the Pages again (inbox-sync pages add --token).", e);
            }
        }
        return p;
    }

    private void save(Properties all) {
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                // Created owner-only, so the token never sits in a readable file even for a moment.
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(tmp);
            }
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                all.store(w, "Inbox Sync page tokens: keep this file private");
            }
            try {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            Path folder = file.toAbsolutePath().getParent();
            throw new UncheckedIOException("Cannot keep the token: the folder " + folder + " is not writable (" + reason(e)
                    + "). Make it writable for this user, or choose another home with --home or INBOXSYNC_HOME.", e);
        }
    }

    /** The operating system's words ("Permission denied"), not the path Java puts in the message. */
    private static String reason(IOException e) {
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileSystemException f && f.getReason() != null) {
            return f.getReason().toLowerCase(java.util.Locale.ROOT);
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
