package app.inboxsync.ui.settings;

import app.inboxsync.config.DatabaseSettings;
import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Secret;
import app.inboxsync.media.MediaSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Settings dialog's state and rules: every field as a property, one message per field that says what to
 * fix ("" when fine), and {@link #validProperty()} for the OK button. Saved secrets are never read back into a
 * field: an empty password field keeps the saved one.
 */
public final class SettingsViewModel {
    public final BooleanProperty embedded = new SimpleBooleanProperty();
    public final StringProperty databaseUrl = new SimpleStringProperty("");
    public final StringProperty databaseUser = new SimpleStringProperty("");
    public final StringProperty databasePassword = new SimpleStringProperty("");
    public final BooleanProperty forgetDatabasePassword = new SimpleBooleanProperty();
    public final StringProperty graphVersion = new SimpleStringProperty("");
    public final StringProperty appSecret = new SimpleStringProperty("");
    public final BooleanProperty forgetAppSecret = new SimpleBooleanProperty();
    public final ObjectProperty<Integer> parallelism = new SimpleObjectProperty<>();
    public final ObjectProperty<Integer> autoSyncMinutes = new SimpleObjectProperty<>();
    public final ObjectProperty<DesktopSettings.Theme> theme = new SimpleObjectProperty<>();
    public final StringProperty connectionTest = new SimpleStringProperty("");
    /** Empty: the folder in Inbox Sync's home. */
    public final StringProperty mediaFolder = new SimpleStringProperty("");
    public final ObjectProperty<Integer> maxFileMb = new SimpleObjectProperty<>();
    public final ObjectProperty<Integer> quotaMb = new SimpleObjectProperty<>();
    /** Where new attachment files go: the folder, or the database several machines share. */
    public final ObjectProperty<MediaSettings.Store> mediaStore = new SimpleObjectProperty<>();
    private final Map<Folder, BooleanProperty> folders = new EnumMap<>(Folder.class);
    private final DesktopSettings before;
    private final SettingsSecrets.Saved saved;

    private final StringBinding databaseMessage;
    private final StringBinding graphVersionMessage;
    private final StringBinding parallelismMessage;
    private final StringBinding foldersMessage;
    private final StringBinding mediaFolderMessage;
    private final StringBinding maxFileMessage;
    private final StringBinding quotaMessage;
    private final BooleanBinding valid;

    public SettingsViewModel(DesktopSettings current, SettingsSecrets.Saved saved) {
        this.before = current;
        this.saved = saved;
        embedded.set(current.embeddedDatabase());
        databaseUrl.set(Objects.requireNonNullElse(current.databaseUrl(), ""));
        databaseUser.set(Objects.requireNonNullElse(current.databaseUser(), ""));
        graphVersion.set(current.graphVersion());
        parallelism.set(current.parallelism());
        autoSyncMinutes.set(current.autoSyncMinutes());
        theme.set(current.theme());
        for (Folder f : Folder.ALL) {
            folders.put(f, new SimpleBooleanProperty(current.folders().contains(f)));
        }
        mediaFolder.set(current.media().folder() == null ? "" : current.media().folder().toString());
        maxFileMb.set(current.media().maxFileMb());
        quotaMb.set(current.media().quotaMb());
        mediaStore.set(current.media().store());
        databaseMessage = Bindings.createStringBinding(() -> SettingsRules.databaseUrl(embedded.get(), databaseUrl.get()),
                embedded, databaseUrl);
        graphVersionMessage = Bindings.createStringBinding(() -> SettingsRules.graphVersion(graphVersion.get()), graphVersion);
        parallelismMessage = Bindings.createStringBinding(() -> SettingsRules.parallelism(parallelism.get()), parallelism);
        foldersMessage = Bindings.createStringBinding(() -> SettingsRules.folders(chosenFolders()),
                folders.values().toArray(new BooleanProperty[0]));
        mediaFolderMessage = Bindings.createStringBinding(() -> SettingsRules.mediaFolder(mediaFolder.get()), mediaFolder);
        maxFileMessage = Bindings.createStringBinding(() -> SettingsRules.maxFileMb(maxFileMb.get()), maxFileMb);
        quotaMessage = Bindings.createStringBinding(() -> SettingsRules.quotaMb(quotaMb.get(), maxFileMb.get()),
                quotaMb, maxFileMb);
        valid = Bindings.createBooleanBinding(() -> Stream.of(databaseMessage, graphVersionMessage, parallelismMessage,
                        foldersMessage, mediaFolderMessage, maxFileMessage, quotaMessage).allMatch(m -> m.get().isEmpty()),
                databaseMessage, graphVersionMessage, parallelismMessage, foldersMessage, mediaFolderMessage,
                maxFileMessage, quotaMessage);
        // a test result is about the URL, user and password it was made with
        embedded.addListener((o, was, now) -> connectionTest.set(""));
        databaseUrl.addListener((o, was, now) -> connectionTest.set(""));
        databaseUser.addListener((o, was, now) -> connectionTest.set(""));
        databasePassword.addListener((o, was, now) -> connectionTest.set(""));
    }

    public BooleanProperty folder(Folder f) {
        return folders.get(f);
    }

    public StringBinding databaseMessage() {
        return databaseMessage;
    }

    public StringBinding graphVersionMessage() {
        return graphVersionMessage;
    }

    public StringBinding parallelismMessage() {
        return parallelismMessage;
    }

    public StringBinding foldersMessage() {
        return foldersMessage;
    }

    public StringBinding mediaFolderMessage() {
        return mediaFolderMessage;
    }

    public StringBinding maxFileMessage() {
        return maxFileMessage;
    }

    public StringBinding quotaMessage() {
        return quotaMessage;
    }

    public BooleanBinding validProperty() {
        return valid;
    }

    public SettingsSecrets.Saved saved() {
        return saved;
    }

    /** The prompt of a secret's field: says whether leaving it empty keeps a saved one. */
    public static String secretPrompt(boolean isSaved) {
        return isSaved ? "Saved in the token vault; leave empty to keep it" : "Not set";
    }

    private List<Folder> chosenFolders() {
        return Folder.ALL.stream().filter(f -> folders.get(f).get()).toList();
    }

    /** The settings as entered; only call when valid. */
    public DesktopSettings settings() {
        if (!valid.get()) {
            throw new IllegalStateException("The settings are not valid yet.");
        }
        return new DesktopSettings(theme.get(), autoSyncMinutes.get(), parallelism.get(),
                embedded.get() ? null : databaseUrl.get(), embedded.get() ? null : databaseUser.get(),
                graphVersion.get(), chosenFolders(), new MediaChoices(
                        mediaFolder.get().isBlank() ? null : Path.of(mediaFolder.get().strip()), maxFileMb.get(), quotaMb.get(),
                        mediaStore.get()));
    }

    public SecretEdit databasePasswordEdit() {
        // the embedded database has its own generated password; a server's password is of no use any more
        return embedded.get() ? SecretEdit.FORGET : SecretEdit.of(databasePassword.get(), forgetDatabasePassword.get());
    }

    public SecretEdit appSecretEdit() {
        return SecretEdit.of(appSecret.get(), forgetAppSecret.get());
    }

    /**
     * What "Test connection" tries, taken from the fields now (on the FX thread); null with the embedded database
     * (nothing to test) or an URL that is not valid yet.
     */
    public ConnectionAttempt connectionAttempt() {
        if (embedded.get() || !databaseMessage.get().isEmpty()) {
            return null;
        }
        return new ConnectionAttempt(databaseUrl.get().strip(), databaseUser.get().isBlank() ? null : databaseUser.get().strip(),
                SecretEdit.of(databasePassword.get(), forgetDatabasePassword.get()));
    }

    /** A connection to try; {@link #settings} may run anywhere (it only reads its own fields). */
    public record ConnectionAttempt(String url, String user, SecretEdit password) {
        /** @param saved the saved password, used when the field was left empty */
        public DatabaseSettings settings(Optional<Secret> saved) {
            Secret use = password instanceof SecretEdit.Replace r ? r.value()
                    : password == SecretEdit.KEEP ? saved.orElse(null) : null;
            return new DatabaseSettings(url, user, use);
        }
    }

    /** What only takes effect at the next start, as one sentence; "" when everything applies at once. */
    public String restartNote() {
        DesktopSettings after = settings();
        List<String> later = new ArrayList<>();
        if (!Objects.equals(before.databaseUrl(), after.databaseUrl())
                || !Objects.equals(before.databaseUser(), after.databaseUser())
                || (!after.embeddedDatabase() && databasePasswordEdit() != SecretEdit.KEEP)) {
            later.add("database");
        }
        if (!before.graphVersion().equals(after.graphVersion())) {
            later.add("Graph API version");
        }
        if (appSecretEdit() != SecretEdit.KEEP) {
            later.add("app secret");
        }
        if (!Objects.equals(before.media().folder(), after.media().folder())) {
            later.add("media folder"); // the thread view opens its store once
        }
        if (before.media().store() != after.media().store()) {
            later.add("place for attachments");
        }
        if (later.isEmpty()) {
            return "";
        }
        String last = later.remove(later.size() - 1);
        return "Restart Inbox Sync to use the new " + (later.isEmpty() ? "" : String.join(", ", later) + " and ") + last + ".";
    }
}
