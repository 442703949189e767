package app.inboxsync.ui.settings;

import app.inboxsync.domain.Secret;
import app.inboxsync.secrets.TokenVault;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The settings' secrets, kept beside the Page tokens in the token vault (the keychain or the owner-only token
 * file), never in {@code desktop.properties} or a log. Their keys cannot be mistaken for a Page's: Facebook Page
 * ids are digits only, these are words. Every method may start {@code secret-tool}: call them off the FX thread.
 */
public final class SettingsSecrets {
    static final String DATABASE_PASSWORD = "db-password";
    static final String APP_SECRET = "app-secret";

    private final Supplier<TokenVault> opener;
    private TokenVault vault;

    /** @param opener opens the vault the first time it is needed (opening may probe for a keychain) */
    public SettingsSecrets(Supplier<TokenVault> opener) {
        this.opener = opener;
    }

    private synchronized TokenVault vault() {
        if (vault == null) {
            vault = opener.get();
        }
        return vault;
    }

    public Optional<Secret> databasePassword() {
        return vault().token(DATABASE_PASSWORD);
    }

    public Optional<Secret> appSecret() {
        return vault().token(APP_SECRET);
    }

    /** Which secrets are saved, without handing them out. */
    public Saved saved() {
        return new Saved(databasePassword().isPresent(), appSecret().isPresent());
    }

    public void apply(SecretEdit databasePassword, SecretEdit appSecret) {
        apply(DATABASE_PASSWORD, databasePassword);
        apply(APP_SECRET, appSecret);
    }

    private void apply(String key, SecretEdit edit) {
        if (edit instanceof SecretEdit.Replace replace) {
            vault().store(key, replace.value());
        } else if (edit instanceof SecretEdit.Forget) {
            vault().remove(key);
        }
    }

    public record Saved(boolean databasePassword, boolean appSecret) { }
}
