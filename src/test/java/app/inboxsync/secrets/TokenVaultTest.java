package app.inboxsync.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.inboxsync.domain.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class TokenVaultTest {
    private static final Secret CANARY = Secret.of("CANARY_TOKEN_vault_7a1c");

    @TempDir
    Path tmp;

    @Test
    void withoutADesktopSessionTokensGoToAnOwnerOnlyFile() throws Exception {
        TokenVault vault = TokenVaults.open(tmp, Map.of());
        assertInstanceOf(FileTokenVault.class, vault);

        vault.store("123", CANARY);

        Path file = tmp.resolve("tokens.properties");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(Optional.of(CANARY), new FileTokenVault(tmp).token("123"), "kept across instances");
        assertTrue(vault.remove("123"));
        assertFalse(vault.remove("123"));
        assertEquals(Optional.empty(), vault.token("123"));
        try (Stream<Path> left = Files.list(tmp)) {
            assertTrue(left.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temporary file left behind");
        }
    }

    @Test
    void anUnknownChoiceSaysWhatToSet() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TokenVaults.open(tmp, Map.of("INBOXSYNC_TOKEN_STORE", "vault")));
        assertTrue(e.getMessage().contains("keychain, file or auto"), e.getMessage());
    }

    /**
     * Runs wherever dbus-daemon, gnome-keyring-daemon and secret-tool are installed (CI installs them): the test
     * starts its own session bus and an unlocked keyring in a temporary home. Without the tools, or where that
     * private keyring cannot start (a machine's limit, not the vault's), it is skipped with the reason, and the
     * run names the skip at its end ({@code [SKIPPED TESTS]}, see {@code SkipsAreReported}). Once the keyring
     * runs, anything the vault gets wrong fails. Every wait in it is bounded, and the whole test has its own
     * thread and deadline: a keyring tool that hung once held a CI run until its 90 minutes were up.
     */
    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void withADesktopKeychainTokensGoThereAndLeaveTheFile() throws Exception {
        assumeTrue(PrivateKeyring.toolsInstalled(), "dbus-daemon, gnome-keyring-daemon and secret-tool are not installed "
                + "(apt-get install dbus gnome-keyring libsecret-tools): the desktop keychain is not tested here");
        PrivateKeyring started;
        try {
            started = PrivateKeyring.start(tmp.resolve("desktop"));
        } catch (PrivateKeyring.KeyringDidNotStart e) {
            assumeTrue(false, "a private GNOME Keyring could not start on this machine (" + e.getMessage()
                    + "): the desktop keychain is not tested here");
            return;
        }
        try (PrivateKeyring keyring = started) {
            Path home = tmp.resolve("home");
            new FileTokenVault(home).store("old-page", CANARY); // stored before the keychain was there
            TokenVault vault = TokenVaults.open(home, keyring.environment());
            assertInstanceOf(SecretServiceTokenVault.class, vault, "auto picks the keychain when it answers");

            assertEquals(Optional.of(CANARY), vault.token("old-page"), "earlier file tokens are still found");
            vault.store("old-page", CANARY);
            vault.store("456", Secret.of("second-token"));

            assertEquals(Optional.empty(), new FileTokenVault(home).token("old-page"), "moved out of the file");
            assertEquals(Optional.of(CANARY), vault.token("old-page"));
            assertEquals(Optional.of(Secret.of("second-token")), TokenVaults.open(home, keyring.environment()).token("456"));
            assertTrue(vault.remove("456"));
            assertEquals(Optional.empty(), vault.token("456"));
        }
    }
}
