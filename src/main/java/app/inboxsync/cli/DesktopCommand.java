package app.inboxsync.cli;

import app.inboxsync.ui.DesktopLauncher;
import picocli.CommandLine.Command;

@Command(name = "app", description = {
        "Open the desktop app (the same as starting Inbox Sync with no command). Takes the same --home and",
        "database options as the other commands."})
final class DesktopCommand extends AppCommand {
    @Override
    public Integer call() {
        DesktopLauncher.launch(config());
        return 0;
    }
}
