package app.inboxsync.secrets;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
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
        try {
            environment.put("DBUS_SESSION_BUS_ADDRESS", busAddress());
            environment.put("HOME", home.toString());
            environment.put("XDG_DATA_HOME", home.resolve("data").toString());
            // the daemon forks and its child may keep our pipes: BoundedCommand stops waiting for them
            BoundedCommand.Outcome unlock = BoundedCommand.run(
                    List.of("gnome-keyring-daemon", "--unlock", "--components=secrets"), environment,
                    "test-keyring-password\n", Duration.ofSeconds(STEP_SECONDS));
            unlockOutput = unlock.output() + unlock.error();
            awaitUnlockedLoginCollection();
        } catch (IOException | RuntimeException | InterruptedException e) {
            close();
            throw e;
        }
    }

    /** The first line dbus-daemon prints, within a bounded wait (a bus that never starts must not hold the run). */
    private String busAddress() throws InterruptedException {
        BlockingQueue<String> line = new ArrayBlockingQueue<>(1);
        Thread reader = new Thread(() -> {
            try {
                String address = new BufferedReader(new InputStreamReader(bus.getInputStream(), StandardCharsets.UTF_8)).readLine();
                line.offer(address == null ? "" : address);
            } catch (IOException e) {
                line.offer("");
            }
        }, "dbus-address");
        reader.setDaemon(true);
        reader.start();
        String address = line.poll(STEP_SECONDS, TimeUnit.SECONDS);
        if (address == null || address.isBlank()) {
            throw new KeyringDidNotStart("dbus-daemon printed no address in " + STEP_SECONDS + " s");
        }
        return address;
    }

    /** The daemon creates and unlocks its login collection in the background; wait until it takes an item. */
    private void awaitUnlockedLoginCollection() throws IOException, InterruptedException {
        // 10 s was not enough on a machine at load 20: the daemon made its login collection later than that
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(UNLOCK_SECONDS);
        String lastOutput = "";
        while (System.nanoTime() < deadline) {
            BoundedCommand.Outcome probe = BoundedCommand.run(List.of("secret-tool", "store", "--label=probe", "test", "probe"),
                    environment, "probe", Duration.ofSeconds(STEP_SECONDS));
            if (probe.exit() == 0) {
                return;
            }
            lastOutput = probe.output() + probe.error();
            Thread.sleep(200);
        }
        throw new KeyringDidNotStart("the private keyring did not unlock in " + UNLOCK_SECONDS + " s: " + lastOutput
                + " / daemon said: " + unlockOutput);
    }

    /** This machine cannot run a private keyring (not a fault of the code under test). */
    static final class KeyringDidNotStart extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        KeyringDidNotStart(String why) {
            super(why);
        }
    }

    private static final int UNLOCK_SECONDS = 60;
    private static final int STEP_SECONDS = 15;

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
                .forEach(ProcessHandle::destroyForcibly);
        BoundedCommand.kill(bus);
    }
}
