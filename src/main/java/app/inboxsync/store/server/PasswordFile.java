package app.inboxsync.store.server;

import app.inboxsync.domain.Secret;
import app.inboxsync.store.StoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/** The embedded server's password: random on first start, then kept in a file only the owner may read. */
final class PasswordFile {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private PasswordFile() {
    }

    static Secret loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                restrict(file);
                return Secret.of(Files.readString(file, StandardCharsets.UTF_8));
            }
            byte[] random = new byte[24];
            new SecureRandom().nextBytes(random);
            // URL-safe Base64 has no quote or backslash, so it can sit in ALTER ROLE … PASSWORD '…' as is.
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            if (posix()) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } else {
                Files.createFile(file);
                file.toFile().setReadable(false, false);
                file.toFile().setReadable(true, true);
                file.toFile().setWritable(true, true);
            }
            Files.writeString(file, password, StandardCharsets.UTF_8);
            return Secret.of(password);
        } catch (IOException e) {
            throw new StoreException("Cannot read or create the embedded database password file " + file + ": "
                    + e.getMessage(), e);
        }
    }

    /** A file someone made readable to others is put back to owner-only. */
    private static void restrict(Path file) throws IOException {
        if (posix() && !Files.getPosixFilePermissions(file).equals(OWNER_ONLY)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
