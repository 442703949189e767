package app.inboxsync.store.server;

import app.inboxsync.store.StoreException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The embedded server runs as its own process. If Inbox Sync was killed, that server may still run on
 * the data directory, and a new start would wait for a port it never listens on. Called while holding the
 * home lock, so a live postmaster here can only be such an orphan: stop it.
 */
final class OrphanPostmaster {
    private OrphanPostmaster() {
    }

    static void stopIfRunning(Path dataDir) {
        Optional<ProcessHandle> postmaster = PostmasterPid.read(dataDir)
                .flatMap(PostmasterPid::liveProcess)
                .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (postmaster.isEmpty()) {
            return;
        }
        ProcessHandle p = postmaster.get();
        p.destroy(); // SIGTERM: a clean shutdown; its clients died with the old process
        try {
            p.onExit().get(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            throw new StoreException("An embedded database server left over from an earlier run (pid " + p.pid()
                    + ") does not stop. Stop it, then start Inbox Sync again.", e);
        }
    }
}
