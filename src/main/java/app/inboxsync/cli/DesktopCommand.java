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
        DesktopLauncher.launch(config(), versionGiven);
        return 0;
    }
}
