package app.inboxsync.secrets;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Chooses where tokens live: {@code INBOXSYNC_TOKEN_STORE=keychain|file|auto} (default auto: the desktop
 * keychain when a Secret Service answers, else the owner-only file under the home dir).
 */
public final class TokenVaults {
    private TokenVaults() {
    }

    public static TokenVault open(Path home, Map<String, String> environment) {
        FileTokenVault file = new FileTokenVault(home);
        String choice = environment.getOrDefault("INBOXSYNC_TOKEN_STORE", "auto").strip().toLowerCase(Locale.ROOT);
        switch (choice) {
            case "file":
                return file;
            case "keychain":
                if (!SecretServiceTokenVault.isAvailable(environment)) {
                    throw new IllegalStateException("INBOXSYNC_TOKEN_STORE=keychain, but no keychain answers (secret-tool "
                            + "and a desktop session are needed). Unlock it, or set INBOXSYNC_TOKEN_STORE=file.");
                }
                return new SecretServiceTokenVault(environment, file);
            case "auto":
                return SecretServiceTokenVault.isAvailable(environment) ? new SecretServiceTokenVault(environment, file) : file;
            default:
                throw new IllegalArgumentException("INBOXSYNC_TOKEN_STORE must be keychain, file or auto (got '" + choice + "').");
        }
    }
}
