package app.inboxsync.cli;

import app.inboxsync.ui.DesktopLauncher;
import picocli.CommandLine.Command;

@Command(name = "app", description = {
        "Open the desktop app (the same as starting Inbox Sync with no command). Takes the same --home and",
        "database options as the other commands."})
final class DesktopCommand extends AppCommand {
    @Override
    public Integer call() {
        String versionVariable = System.getenv("INBOXSYNC_GRAPH_VERSION");
        boolean versionGiven = spec.commandLine().getParseResult().hasMatchedOption("--graph-version")
                || (versionVariable != null && !versionVariable.isBlank());
        try {
            DesktopLauncher.launch(config(), versionGiven);
        } catch (UnsupportedOperationException e) {
            if (e.getMessage() != null && e.getMessage().contains("DISPLAY")) {
                // a server or an ssh session: the CLI is what works there
                throw new IllegalStateException("No display to open the desktop app on (" + e.getMessage() + "). "
                        + "On a server, use the commands instead: inbox-sync --help", e);
            }
            throw e;
        }
        return 0;
    }
}
