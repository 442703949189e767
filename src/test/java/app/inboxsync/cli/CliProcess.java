package app.inboxsync.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the packaged {@code inbox-sync.jar} in its own JVM, as a user or a cron job would. */
final class CliProcess {
    private final Path home;
    private final Map<String, String> env;

    CliProcess(Path home, Map<String, String> env) {
        this.home = home;
        this.env = env;
    }

    record Outcome(int exit, String out, String err) {
        String all() {
            return out + "\n" + err;
        }
    }

    Process start(String... args) throws IOException {
        return startAs(home.getFileName().toString(), args);
    }

    /** Runs a second process on the same home, with its output in files named after {@code name}. */
    Outcome runAs(String name, String... args) throws IOException, InterruptedException {
        Process p = startAs(name, args);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("inbox-sync " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Outcome(p.exitValue(), read(name + ".out"), read(name + ".err"));
    }

    private String read(String file) throws IOException {
        return Files.readString(home.resolveSibling(file), StandardCharsets.UTF_8);
    }

    /** Starts a process on the same home in the background, its output in files named after {@code name}. */
    Process startNamed(String name, String... args) throws IOException {
        return startAs(name, args);
    }

    /** What the process started with {@link #startNamed} printed to stdout. */
    String stdoutOf(String name) throws IOException {
        return read(name + ".out");
    }

    private Process startAs(String name, String... args) throws IOException {
        String jar = System.getProperty("inboxsync.jar", "target/inbox-sync.jar");
        if (!Files.exists(Path.of(jar))) {
            throw new IllegalStateException("Build the jar first (./mvnw package): " + jar);
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-jar", jar));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("INBOXSYNC_"));
        pb.environment().put("INBOXSYNC_HOME", home.toString());
        pb.environment().putAll(env);
        pb.redirectOutput(home.resolveSibling(name + ".out").toFile());
        pb.redirectError(home.resolveSibling(name + ".err").toFile());
        return pb.start();
    }

    /** Starts {@code sync ARGS --json} in the background; returns once its first batch is in the database. */
    Process syncUntilTheFirstBatchIsWritten(String... syncArgs) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("sync"));
        args.addAll(List.of(syncArgs));
        args.add("--json");
        Process running = start(args.toArray(String[]::new));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!stdout().contains("batch_complete") && System.nanoTime() < deadline && running.isAlive()) {
            Thread.sleep(20);
        }
        if (!running.isAlive()) {
            throw new AssertionError("the sync should still be running: " + stdout() + stderr());
        }
        return running;
    }

    Outcome run(String... args) throws IOException, InterruptedException {
        Process p = start(args);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("inbox-sync " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Outcome(p.exitValue(), stdout(), stderr());
    }

    String stdout() throws IOException {
        return read(home.getFileName() + ".out");
    }

    String stderr() throws IOException {
        return read(home.getFileName() + ".err");
    }
}
