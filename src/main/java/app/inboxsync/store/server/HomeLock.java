package app.inboxsync.store.server;

import app.inboxsync.store.StoreException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * An OS file lock on {@code <home>/db.lock}, held while this process runs the embedded server, so a
 * second Inbox Sync (or a second start in this process) is told clearly instead of racing on the cluster.
 * The OS drops the lock when the process dies, so a crash never leaves it stuck.
 */
final class HomeLock {
    private final FileChannel channel;
    private final FileLock lock;

    private HomeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static HomeLock take(Path home) {
        FileChannel channel = null;
        try {
            channel = FileChannel.open(home.resolve("db.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock != null) {
                return new HomeLock(channel, lock);
            }
        } catch (OverlappingFileLockException e) {
            // held by this very process: same answer
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StoreException("Cannot lock " + home.resolve("db.lock") + ": " + e.getMessage(), e);
        }
        closeQuietly(channel);
        throw new StoreException("The embedded database in " + home + " is in use by another Inbox Sync process. "
                + "Wait for it to finish, or point --db-url at a PostgreSQL server.");
    }

    void release() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it anyway
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException ignored) {
            // nothing left to release
        }
    }
}
