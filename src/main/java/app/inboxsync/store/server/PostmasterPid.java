package app.inboxsync.store.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code <data dir>/postmaster.pid} says about the server running on a data directory: line 1 is the
 * postmaster's pid, line 4 its port. Absent when there is no such file or it cannot be read.
 */
record PostmasterPid(long pid, OptionalInt port) {

    static Optional<PostmasterPid> read(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"), StandardCharsets.UTF_8);
            if (lines.isEmpty()) {
                return Optional.empty();
            }
            long pid = Long.parseLong(lines.get(0).strip());
            OptionalInt port = lines.size() >= 4 && !lines.get(3).isBlank()
                    ? OptionalInt.of(Integer.parseInt(lines.get(3).strip())) : OptionalInt.empty();
            return Optional.of(new PostmasterPid(pid, port));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The postmaster's process, if it is still alive. */
    Optional<ProcessHandle> liveProcess() {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
    }
}
