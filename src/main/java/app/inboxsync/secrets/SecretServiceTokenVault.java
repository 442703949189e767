package app.inboxsync.secrets;

import app.inboxsync.domain.Secret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Page tokens in the desktop keychain (GNOME Keyring, KWallet, KeePassXC…) through the freedesktop Secret
 * Service, using {@code secret-tool} from libsecret. The token goes in on stdin and comes back on stdout, so
 * it never appears on a command line that {@code ps} could show.
 */
public final class SecretServiceTokenVault implements TokenVault {
    private static final String APPLICATION = "inbox-sync";
    private final Map<String, String> environment;
    /** Tokens written before the keychain was available are still read from the file, and moved on store. */
    private final TokenVault earlier;

    public SecretServiceTokenVault(Map<String, String> environment, TokenVault earlier) {
        this.environment = Map.copyOf(environment);
        this.earlier = earlier;
    }

    /** Whether a Secret Service answers in this environment (a desktop session with a keychain). */
    public static boolean isAvailable(Map<String, String> environment) {
        if (environment.get("DBUS_SESSION_BUS_ADDRESS") == null) {
            return false;
        }
        try {
            Result probe = run(environment, null, "lookup", "application", APPLICATION, "page", "availability-probe");
            return probe.error.isBlank() && (probe.exit == 0 || probe.exit == 1);
        } catch (UncheckedIOException e) {
            return false; // no secret-tool installed
        }
    }

    @Override
    public Optional<Secret> token(String pageId) {
        Result r = run(environment, null, "lookup", "application", APPLICATION, "page", pageId);
        if (r.exit == 0 && !r.output.isBlank()) {
            return Optional.of(Secret.of(r.output));
        }
        if (!r.error.isBlank()) {
            throw new IllegalStateException("The keychain did not answer (" + r.error.strip()
                    + "). Unlock it, or set INBOXSYNC_TOKEN_STORE=file to keep tokens in a file.");
        }
        return earlier.token(pageId);
    }

    @Override
    public void store(String pageId, Secret token) {
        Result r = run(environment, token.reveal(), "store", "--label=Inbox Sync page " + pageId,
                "application", APPLICATION, "page", pageId);
        if (r.exit != 0) {
            throw new IllegalStateException("Could not save the token in the keychain (" + token.scrub(r.error.strip())
                    + "). Unlock it, or set INBOXSYNC_TOKEN_STORE=file to keep tokens in a file.");
        }
        earlier.remove(pageId);
    }

    @Override
    public boolean remove(String pageId) {
        boolean had = run(environment, null, "lookup", "application", APPLICATION, "page", pageId).exit == 0;
        run(environment, null, "clear", "application", APPLICATION, "page", pageId);
        return earlier.remove(pageId) || had;
    }

    @Override
    public String describe() {
        return "the desktop keychain (Secret Service)";
    }

    private record Result(int exit, String output, String error) { }

    /** secret-tool answers in milliseconds; a keychain that waits on a prompt no one can see never does. */
    private static final Duration TOOL_LIMIT = Duration.ofSeconds(20);

    private static Result run(Map<String, String> environment, String stdin, String... args) {
        List<String> command = new ArrayList<>();
        command.add("secret-tool");
        command.addAll(List.of(args));
        try {
            BoundedCommand.Outcome done = BoundedCommand.run(command, environment, stdin, TOOL_LIMIT);
            return new Result(done.exit(), done.output(), done.error());
        } catch (IOException e) {
            throw new UncheckedIOException("secret-tool could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, "", "interrupted");
        }
    }
}
