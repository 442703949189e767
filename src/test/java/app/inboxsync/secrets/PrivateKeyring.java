package app.inboxsync.secrets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real GNOME Keyring on a private D-Bus session, with its files in a temporary home, so tests exercise the
 * Secret Service without touching anyone's keychain. Needs dbus-daemon, gnome-keyring-daemon and secret-tool.
 */
final class PrivateKeyring implements AutoCloseable {
    private final Process bus;
    private final Map<String, String> environment = new HashMap<>();
    private String unlockOutput = "";

    private final java.util.Set<Long> keyringDaemonsBefore = keyringDaemons();

    private PrivateKeyring(Path home) throws IOException, InterruptedException {
        Files.createDirectories(home);
        bus = new ProcessBuilder("dbus-daemon", "--session", "--nofork", "--print-address=1").start();
        String address = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8)).readLine();
        environment.put("DBUS_SESSION_BUS_ADDRESS", address);
        environment.put("HOME", home.toString());
        environment.put("XDG_DATA_HOME", home.resolve("data").toString());
        ProcessBuilder keyring = new ProcessBuilder("gnome-keyring-daemon", "--unlock", "--components=secrets");
        keyring.environment().putAll(environment);
        keyring.redirectErrorStream(true);
        Process unlock = keyring.start();
        try (OutputStream in = unlock.getOutputStream()) {
            in.write("test-keyring-password\n".getBytes(StandardCharsets.UTF_8));
        }
        unlockOutput = new String(unlock.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        unlock.waitFor(10, TimeUnit.SECONDS);
        try {
            awaitUnlockedLoginCollection();
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The daemon creates and unlocks its login collection in the background; wait until it takes an item. */
    private void awaitUnlockedLoginCollection() throws IOException, InterruptedException {
        // 10 s was not enough on a machine at load 20: the daemon made its login collection later than that
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(UNLOCK_SECONDS);
        String lastOutput = "";
        while (System.nanoTime() < deadline) {
            ProcessBuilder probe = new ProcessBuilder("secret-tool", "store", "--label=probe", "test", "probe");
            probe.environment().putAll(environment);
            probe.redirectErrorStream(true);
            Process p = probe.start();
            try (OutputStream in = p.getOutputStream()) {
                in.write("probe".getBytes(StandardCharsets.UTF_8));
            }
            lastOutput = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("the private keyring did not unlock in " + UNLOCK_SECONDS + " s: " + lastOutput + " / daemon said: " + unlockOutput);
    }

    private static final int UNLOCK_SECONDS = 60;

    static boolean toolsInstalled() {
        for (String tool : new String[] {"dbus-daemon", "gnome-keyring-daemon", "secret-tool"}) {
            boolean found = false;
            for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
                found |= Files.isExecutable(Path.of(dir, tool));
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    static PrivateKeyring start(Path home) throws IOException, InterruptedException {
        return new PrivateKeyring(home);
    }

    private static java.util.Set<Long> keyringDaemons() {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().orElse("").endsWith("gnome-keyring-daemon"))
                .map(ProcessHandle::pid).collect(java.util.stream.Collectors.toSet());
    }

    Map<String, String> environment() {
        return environment;
    }

    @Override
    public void close() {
        // the keyring daemon was started by us or activated by our bus: stop exactly those, then the bus
        ProcessHandle.allProcesses().filter(p -> keyringDaemons().contains(p.pid()) && !keyringDaemonsBefore.contains(p.pid()))
                .forEach(ProcessHandle::destroy);
        bus.destroy();
    }
}
