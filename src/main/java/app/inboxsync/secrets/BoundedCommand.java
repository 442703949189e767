package app.inboxsync.secrets;

import app.inboxsync.concurrent.DaemonThreads;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command-line tool (secret-tool, a keyring daemon) with a deadline that nothing can outlast. A keychain
 * that waits for a prompt no one sees, or a daemon the tool forks that keeps our pipes open, once held a whole CI
 * run until its 90 minutes were up: reading a pipe to its end waits for every process holding it, not only for
 * the one we started. So the pipes are read on daemon threads, the wait is bounded, and on the deadline the tool
 * and whatever it started are killed and the caller gets an answer that says so.
 *
 * <p>Output stays in memory, never in a temporary file: a keychain lookup prints a token.
 */
final class BoundedCommand {
    private static final Executor READERS = Executors.newCachedThreadPool(DaemonThreads.numbered("tool-output"));
    /** After the tool exits, how long its output may take to arrive (a forked child may hold the pipe forever). */
    private static final Duration DRAIN = Duration.ofSeconds(2);

    /** What the tool did: its exit code (-1 when it was killed), what it printed, and whether time ran out. */
    record Outcome(int exit, String output, String error, boolean timedOut) {
        static Outcome timeout(String tool, Duration limit, String output, String error) {
            String said = error.isBlank() ? "" : " (it said: " + error.strip() + ")";
            return new Outcome(-1, output, tool + " did not answer in " + limit.toSeconds() + " s" + said, true);
        }
    }

    private BoundedCommand() {
    }

    /** Starts {@code command}, writes {@code stdin} (or nothing) to it, and waits at most {@code limit}. */
    static Outcome run(List<String> command, Map<String, String> environment, String stdin, Duration limit)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(environment);
        Process p = pb.start();
        Drain out = new Drain(p.getInputStream());
        Drain err = new Drain(p.getErrorStream());
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            // the tool exited before reading its input: what it printed says why
        }
        boolean exited = p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS);
        if (!exited) {
            String printed = out.text(Duration.ZERO);
            String said = err.text(Duration.ZERO); // before the kill: a dying shell's "Killed" is not the tool's word
            kill(p);
            return Outcome.timeout(command.get(0), limit, printed, said);
        }
        return new Outcome(p.exitValue(), out.text(DRAIN), err.text(DRAIN), false);
    }

    /** Ends the process and everything it started (a daemon it forked would otherwise live on). */
    static void kill(Process p) {
        List<ProcessHandle> started = p.descendants().toList(); // taken first: once p dies they are init's
        p.destroyForcibly();
        started.forEach(ProcessHandle::destroyForcibly);
    }

    /** A pipe read to its end on a daemon thread; what has arrived can be taken at any time. */
    private static final class Drain {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CountDownLatch done = new CountDownLatch(1);

        Drain(InputStream stream) {
            READERS.execute(() -> {
                byte[] buffer = new byte[8192];
                try (stream) {
                    for (int n; (n = stream.read(buffer)) >= 0; ) {
                        synchronized (bytes) {
                            bytes.write(buffer, 0, n);
                        }
                    }
                } catch (IOException e) {
                    // the stream closed under us (the process was killed): keep what arrived
                } finally {
                    done.countDown();
                }
            });
        }

        /** Everything, if the pipe ends within {@code wait}; else what arrived so far. */
        String text(Duration wait) throws InterruptedException {
            done.await(wait.toMillis(), TimeUnit.MILLISECONDS);
            synchronized (bytes) {
                return bytes.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
