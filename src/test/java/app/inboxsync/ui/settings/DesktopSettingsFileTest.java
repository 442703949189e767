package app.inboxsync.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Secret;
import app.inboxsync.secrets.FileTokenVault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DesktopSettingsFileTest {
    @TempDir
    Path home;

    @Test
    void roundTripsEverySetting() {
        DesktopSettingsFile file = new DesktopSettingsFile(home);
        assertEquals(DesktopSettings.DEFAULTS, file.load(), "no file yet");
        DesktopSettings s = new DesktopSettings(DesktopSettings.Theme.DARK, 15, 3, "jdbc:postgresql://db:5432/x?sslmode=require",
                "admin", "v26.0", List.of(Folder.INBOX, Folder.OTHER));
        file.save(s);
        assertEquals(s, new DesktopSettingsFile(home).load());
        file.save(DesktopSettings.DEFAULTS);
        assertEquals(DesktopSettings.DEFAULTS, file.load(), "back to the embedded database");
    }

    @Test
    void theMediaChoicesAreSavedAndAFileWithoutThemGetsTheDefaults() throws Exception {
        DesktopSettingsFile file = new DesktopSettingsFile(home);
        DesktopSettings s = DesktopSettings.DEFAULTS.withMedia(new MediaChoices(home.resolve("pictures"), 8, 2048));
        file.save(s);
        String text = Files.readString(file.path());
        assertTrue(text.contains("media.max-file-mb=8") && text.contains("media.quota-mb=2048"), text);
        assertEquals(s, file.load());
        Files.writeString(file.path(), "theme=DARK\n"); // written before media was in Settings
        assertEquals(MediaChoices.DEFAULTS, file.load().media());
        assertEquals(DesktopSettings.Theme.DARK, file.load().theme());
        Files.writeString(file.path(), "media.quota-mb=lots\n");
        assertEquals(DesktopSettings.DEFAULTS, file.load(), "a damaged value gives the defaults");
    }

    @Test
    void aDamagedFileGivesTheDefaults() throws Exception {
        Files.writeString(home.resolve("desktop.properties"), "theme=PURPLE\nfolders=inbox,junk\n");
        assertEquals(DesktopSettings.DEFAULTS, new DesktopSettingsFile(home).load());
    }

    @Test
    void secretsGoToTheVaultNeverToTheSettingsFile() throws Exception {
        FileTokenVault vault = new FileTokenVault(home);
        vault.store("1234567890", Secret.of("page-token"));
        SettingsSecrets secrets = new SettingsSecrets(() -> vault);
        DesktopSettingsFile file = new DesktopSettingsFile(home);
        file.save(new DesktopSettings(DesktopSettings.Theme.LIGHT, 0, 4, "jdbc:postgresql://db/x", "admin", "v25.0", Folder.ALL));
        secrets.apply(new SecretEdit.Replace(Secret.of("db-pw-4711")), new SecretEdit.Replace(Secret.of("app-secret-0815")));

        String settingsText = Files.readString(file.path());
        assertFalse(settingsText.contains("db-pw-4711") || settingsText.contains("app-secret-0815"), settingsText);
        assertEquals(Optional.of(Secret.of("db-pw-4711")), secrets.databasePassword());
        assertEquals(Optional.of(Secret.of("app-secret-0815")), new SettingsSecrets(() -> new FileTokenVault(home)).appSecret());
        assertEquals(new SettingsSecrets.Saved(true, true), secrets.saved());
        assertEquals(Optional.of(Secret.of("page-token")), vault.token("1234567890"), "a Page's token is untouched");

        secrets.apply(SecretEdit.KEEP, SecretEdit.FORGET);
        assertEquals(new SettingsSecrets.Saved(true, false), secrets.saved());
        assertTrue(vault.token("1234567890").isPresent());
    }
}
