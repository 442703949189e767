package app.inboxsync.cli;

import app.inboxsync.app.AppContext;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "reset", description = "Make the next sync of a Page full (keeps every stored conversation).")
final class ResetCommand extends AppCommand {
    @Option(names = "--page", required = true, paramLabel = "PAGE_ID")
    String pageId;

    @Override
    public Integer call() {
        try (AppContext app = open()) {
            if (!app.pages().requestFullSync(pageId)) {
                throw new IllegalArgumentException(notAdded(pageId));
            }
            out().printf("The next sync of page %s will be full. Run it with: inbox-sync sync --page %s%n", pageId, pageId);
        }
        return 0;
    }
}
