package app.inboxsync.cli;

import app.inboxsync.sync.GraphException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Turns an exception that escaped a command into one line that says what happened and what to do: no stack
 * trace on the terminal (it goes to the debug log, which never holds tokens).
 */
final class FriendlyErrors implements CommandLine.IExecutionExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(FriendlyErrors.class);

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        log.debug("Command failed", e);
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            message = "Unexpected " + e.getClass().getSimpleName() + ". Run with INBOXSYNC_LOG_LEVEL=DEBUG for details.";
        }
        // one line: anything a library appended below its first line stays in the debug log
        message = message.strip().lines().findFirst().orElse(message);
        if (e instanceof GraphException g && g.kind() == GraphException.Kind.TOKEN_INVALID) {
            message = "Facebook rejected the token: " + message;
        }
        cli.getErr().println("Error: " + message);
        cli.getErr().flush();
        return InboxSyncCommand.CANNOT_RUN;
    }
}
