package app.inboxsync.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Secret;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsViewModelTest {
    private final SettingsViewModel model = new SettingsViewModel(DesktopSettings.DEFAULTS,
            new SettingsSecrets.Saved(false, false));

    @Test
    void attachmentsKeptInTheDatabaseAreSavedAndTakeEffectAtTheNextStart() {
        assertEquals(app.inboxsync.media.MediaSettings.Store.FILES, model.mediaStore.get(), "a folder by default");
        model.mediaStore.set(app.inboxsync.media.MediaSettings.Store.DATABASE);
        assertEquals(app.inboxsync.media.MediaSettings.Store.DATABASE, model.settings().media().store());
        assertEquals("Restart Inbox Sync to use the new place for attachments.", model.restartNote());
    }

    @Test
    void theDefaultsAreValidAndSaveAsThemselves() {
        assertTrue(model.validProperty().get());
        assertEquals(DesktopSettings.DEFAULTS, model.settings());
        assertEquals("", model.restartNote());
    }

    @Test
    void eachDatabaseUrlMistakeSaysWhatToFix() {
        model.embedded.set(false);
        assertEquals("Enter the database URL, e.g. jdbc:postgresql://localhost:5432/inboxsync.", model.databaseMessage().get());
        model.databaseUrl.set("postgres://localhost/db");
        assertEquals("The URL must start with jdbc:postgresql:// (e.g. jdbc:postgresql://localhost:5432/inboxsync).",
                model.databaseMessage().get());
        assertFalse(model.validProperty().get());
        model.databaseUrl.set("jdbc:postgresql:///inboxsync");
        assertEquals("Put the server after jdbc:postgresql://, e.g. jdbc:postgresql://localhost:5432/inboxsync.",
                model.databaseMessage().get());
        model.databaseUrl.set("jdbc:postgresql://db host/inboxsync");
        assertEquals("The URL must not contain spaces.", model.databaseMessage().get());
        model.databaseUrl.set("jdbc:postgresql://db/inboxsync?user=a&password=hunter2");
        assertEquals("Put the password in the Password field, not in the URL (the URL is saved in a plain file).",
                model.databaseMessage().get());
        model.databaseUrl.set("jdbc:postgresql://db.example.com:6543/postgres?sslmode=require");
        assertEquals("", model.databaseMessage().get());
        assertTrue(model.validProperty().get());
        model.embedded.set(true);
        model.databaseUrl.set("nonsense");
        assertEquals("", model.databaseMessage().get(), "the embedded database needs no URL");
    }

    @Test
    void graphVersionParallelismAndFolders() {
        model.graphVersion.set("25");
        assertEquals("The Graph API version looks like v25.0 (a v, a number, a dot, a number).", model.graphVersionMessage().get());
        model.graphVersion.set(" v26.0 ");
        assertEquals("", model.graphVersionMessage().get());
        model.parallelism.set(null); // what the field gives for "four"
        assertEquals("Pages synced at once must be a number from 1 to 8.", model.parallelismMessage().get());
        model.parallelism.set(9);
        assertFalse(model.validProperty().get());
        model.parallelism.set(8);
        assertEquals("", model.parallelismMessage().get());
        Folder.ALL.forEach(f -> model.folder(f).set(false));
        assertEquals("Choose at least one folder to sync (inbox is where most conversations are).", model.foldersMessage().get());
        assertFalse(model.validProperty().get());
        model.folder(Folder.INBOX).set(true);
        model.folder(Folder.SPAM).set(true);
        assertTrue(model.validProperty().get());
        DesktopSettings s = model.settings();
        assertEquals("v26.0", s.graphVersion());
        assertEquals(8, s.parallelism());
        assertEquals(List.of(Folder.INBOX, Folder.SPAM), s.syncFolders());
        assertEquals("Restart Inbox Sync to use the new Graph API version.", model.restartNote());
    }

    @Test
    void aServerDatabaseNeedsARestartAndItsPasswordIsAnEdit() {
        model.embedded.set(false);
        model.databaseUrl.set("jdbc:postgresql://db:5432/inboxsync");
        model.databaseUser.set("admin");
        model.databasePassword.set("s3cret");
        model.appSecret.set("app-s3cret");
        DesktopSettings s = model.settings();
        assertEquals("jdbc:postgresql://db:5432/inboxsync", s.databaseUrl());
        assertEquals("admin", s.databaseUser());
        assertEquals(new SecretEdit.Replace(Secret.of("s3cret")), model.databasePasswordEdit());
        assertEquals(new SecretEdit.Replace(Secret.of("app-s3cret")), model.appSecretEdit());
        assertEquals("Restart Inbox Sync to use the new database and app secret.", model.restartNote());
    }

    @Test
    void anEmptySecretFieldKeepsTheSavedOneUnlessForgotten() {
        SettingsViewModel server = new SettingsViewModel(new DesktopSettings(DesktopSettings.Theme.DARK, 15, 2,
                "jdbc:postgresql://db/x", "me", "v25.0", Folder.ALL), new SettingsSecrets.Saved(true, true));
        assertEquals(SecretEdit.KEEP, server.databasePasswordEdit());
        assertEquals(SecretEdit.KEEP, server.appSecretEdit());
        assertEquals("", server.restartNote(), "nothing changed");
        Secret saved = Secret.of("saved-pw");
        assertEquals(saved, server.connectionAttempt().settings(Optional.of(saved)).password(), "a test uses the saved one");
        server.forgetAppSecret.set(true);
        assertEquals(SecretEdit.FORGET, server.appSecretEdit());
        assertEquals("Restart Inbox Sync to use the new app secret.", server.restartNote());
        server.embedded.set(true);
        assertEquals(SecretEdit.FORGET, server.databasePasswordEdit(), "the embedded database has its own password");
        assertNull(server.connectionAttempt(), "nothing to test");
        assertEquals("Restart Inbox Sync to use the new database and app secret.", server.restartNote());
    }

    @Test
    void aConnectionTestResultIsClearedWhenTheFieldsChange() {
        model.embedded.set(false);
        model.databaseUrl.set("jdbc:postgresql://db/x");
        model.connectionTest.set("Connected to PostgreSQL 17.2 at db:5432 as me.");
        model.databaseUser.set("other");
        assertEquals("", model.connectionTest.get());
    }

    @Test
    void theMediaFolderSizeCapAndQuotaSayWhatToFixAndSaveWithTheRest(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp)
            throws Exception {
        assertEquals("", model.mediaFolder.get(), "empty: the folder in the home");
        assertEquals(25, model.maxFileMb.get());
        assertEquals(10_240, model.quotaMb.get());

        model.mediaFolder.set("media");
        assertTrue(model.mediaFolderMessage().get().startsWith("Give the media folder as a full path (e.g. "),
                model.mediaFolderMessage().get());
        assertFalse(model.validProperty().get());
        java.nio.file.Path aFile = java.nio.file.Files.writeString(tmp.resolve("notes.txt"), "x");
        model.mediaFolder.set(aFile.toString());
        assertEquals(aFile + " is a file, not a folder.", model.mediaFolderMessage().get());
        model.mediaFolder.set(" " + tmp.resolve("media") + " ");
        assertEquals("", model.mediaFolderMessage().get(), "a folder that does not exist yet is made when used");

        model.maxFileMb.set(null); // what the field gives for "big"
        assertEquals("The size cap per file must be a whole number of MB from 1 to 4096.", model.maxFileMessage().get());
        model.maxFileMb.set(0);
        assertFalse(model.validProperty().get());
        model.maxFileMb.set(50);
        assertEquals("", model.maxFileMessage().get());
        model.quotaMb.set(-1);
        assertEquals("The media quota must be a whole number of MB, at least 1 (10240 MB is 10 GB).", model.quotaMessage().get());
        model.quotaMb.set(40);
        assertEquals("The media quota (40 MB) must be at least the size cap per file (50 MB), or a file that size could"
                + " never be kept.", model.quotaMessage().get());
        assertFalse(model.validProperty().get());
        model.maxFileMb.set(20); // lowering the cap clears the quota's message too
        assertEquals("", model.quotaMessage().get());
        assertTrue(model.validProperty().get());

        DesktopSettings s = model.settings();
        assertEquals(new MediaChoices(tmp.resolve("media"), 20, 40), s.media());
        assertEquals(tmp.resolve("media"), s.media().settings(tmp.resolve("home")).folder());
        assertEquals(20 * app.inboxsync.media.MediaSettings.MB, s.media().settings(tmp).maxFileBytes());
        assertEquals(40 * app.inboxsync.media.MediaSettings.MB, s.media().settings(tmp).quotaBytes());
        assertEquals("Restart Inbox Sync to use the new media folder.", model.restartNote());
        DesktopSettingsFile file = new DesktopSettingsFile(tmp.resolve("home"));
        file.save(s);
        assertEquals(s, file.load(), "saved and read back");

        SettingsViewModel again = new SettingsViewModel(file.load(), new SettingsSecrets.Saved(false, false));
        assertEquals(tmp.resolve("media").toString(), again.mediaFolder.get());
        again.mediaFolder.set("");
        assertEquals(null, again.settings().media().folder(), "empty is the default again");
        assertEquals(tmp.resolve("home").resolve("media"), again.settings().media().folderUnder(tmp.resolve("home")));
    }
}
