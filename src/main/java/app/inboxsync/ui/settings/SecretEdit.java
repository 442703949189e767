package app.inboxsync.ui.settings;

import app.inboxsync.domain.Secret;
import java.util.Objects;

/**
 * What the Settings dialog does to one saved secret: keep it (an empty field means "unchanged", as the dialog
 * never reads a saved secret back into a field), forget it, or replace it.
 */
public sealed interface SecretEdit {
    Keep KEEP = new Keep();
    Forget FORGET = new Forget();

    record Keep() implements SecretEdit { }

    record Forget() implements SecretEdit { }

    record Replace(Secret value) implements SecretEdit {
        public Replace {
            Objects.requireNonNull(value, "value");
        }
    }

    /** From a field: empty keeps what is saved, unless {@code forget} was asked for. */
    static SecretEdit of(String typed, boolean forget) {
        if (typed != null && !typed.isBlank()) {
            return new Replace(Secret.of(typed));
        }
        return forget ? FORGET : KEEP;
    }
}
