package app.inboxsync.ui.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import app.inboxsync.app.AppConfig;
import app.inboxsync.config.DatabaseSettings;
import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Secret;
import app.inboxsync.graph.GraphSettings;
import app.inboxsync.secrets.FileTokenVault;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupConfigTest {
    @TempDir
    Path home;

    private final DesktopSettings saved = new DesktopSettings(DesktopSettings.Theme.LIGHT, 0, 4,
            "jdbc:postgresql://saved:5432/x", "saved-user", "v26.0", Folder.ALL);

    private SettingsSecrets secrets() {
        SettingsSecrets secrets = new SettingsSecrets(() -> new FileTokenVault(home));
        secrets.apply(new SecretEdit.Replace(Secret.of("saved-pw")), new SecretEdit.Replace(Secret.of("saved-app-secret")));
        return secrets;
    }

    @Test
    void savedSettingsFillInWhatTheEnvironmentLeavesUnset() {
        AppConfig cli = new AppConfig(home, null, GraphSettings.defaults("https://graph.facebook.com"));
        AppConfig effective = StartupConfig.effective(cli, StartupConfig.Given.from(cli, false), saved, secrets());
        assertEquals("jdbc:postgresql://saved:5432/x", effective.database().jdbcUrl());
        assertEquals("saved-user", effective.database().user());
        assertEquals(Secret.of("saved-pw"), effective.database().password());
        assertEquals("v26.0", effective.graph().version());
        assertEquals(Secret.of("saved-app-secret"), effective.graph().appSecret());
    }

    @Test
    void theEnvironmentAndCommandLineWin() {
        AppConfig cli = new AppConfig(home, new DatabaseSettings("jdbc:postgresql://env/y", "env-user", null),
                GraphSettings.defaults("https://graph.facebook.com").withVersion("v25.0").withAppSecret(Secret.of("env-secret")));
        StartupConfig.Given given = StartupConfig.Given.from(cli, true);
        AppConfig effective = StartupConfig.effective(cli, given, saved, secrets());
        assertEquals(cli, effective);
        assertEquals("Set when Inbox Sync started (environment or command line), so used instead of the setting here: "
                + "INBOXSYNC_DB_URL, INBOXSYNC_GRAPH_VERSION, INBOXSYNC_APP_SECRET.", given.describe());
    }

    @Test
    void theEmbeddedDatabaseStaysEmbedded() {
        AppConfig cli = new AppConfig(home, null, GraphSettings.defaults("https://graph.facebook.com"));
        AppConfig effective = StartupConfig.effective(cli, StartupConfig.Given.from(cli, false), DesktopSettings.DEFAULTS,
                new SettingsSecrets(() -> new FileTokenVault(home)));
        assertNull(effective.database());
        assertNull(effective.graph().appSecret());
        assertEquals("", StartupConfig.Given.from(cli, false).describe());
    }
}
