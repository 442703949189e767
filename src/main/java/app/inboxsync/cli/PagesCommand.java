package app.inboxsync.cli;

import app.inboxsync.app.AppContext;
import app.inboxsync.domain.Folder;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.domain.Secret;
import app.inboxsync.read.PageSummary;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine;

@Command(name = "pages", description = "Add, import, list and remove Facebook Pages.",
        subcommands = {PagesCommand.Add.class, PagesCommand.Import.class, PagesCommand.ListPages.class,
                PagesCommand.Remove.class, PagesCommand.Folders.class})
final class PagesCommand {

    @Command(name = "add", description = "Add a Page by its Page access token (asks Graph which Page it is).")
    static final class Add extends AppCommand {
        @Option(names = "--token", required = true, arity = "0..1", interactive = true, paramLabel = "PAGE_TOKEN",
                description = "The Page access token; give --token alone to type it without it showing.")
        char[] token;

        @Override
        public Integer call() {
            Secret pageToken = Secret.of(new String(token));
            try (AppContext app = open()) {
                PageProfile page = app.pageConnections().add(pageToken);
                out().printf("Added page %s (%s); its token is kept in %s.%nSync it with: inbox-sync sync --page %s%n",
                        page.name(), page.id(), app.vault().describe(), page.id());
            }
            return 0;
        }
    }

    @Command(name = "import", description = "Add every Page a user token administers (all of /me/accounts).")
    static final class Import extends AppCommand {
        @Option(names = "--user-token", required = true, arity = "0..1", interactive = true, paramLabel = "USER_TOKEN",
                description = "A user access token with pages_show_list; give it alone to type it hidden.")
        char[] userToken;

        @Override
        public Integer call() {
            try (AppContext app = open()) {
                List<PageProfile> pages = app.pageConnections().importAll(Secret.of(new String(userToken)));
                for (PageProfile page : pages) {
                    out().printf("Added page %s (%s)%n", page.name(), page.id());
                }
                out().printf("%d page(s) imported. Sync them with: inbox-sync sync --all%n", pages.size());
            }
            return 0;
        }
    }

    @Command(name = "list", description = "List the Pages with their last sync, status and what is stored.")
    static final class ListPages extends AppCommand {
        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @Override
        public Integer call() {
            try (AppContext app = open()) {
                List<PageSummary> pages = app.pages().listPages();
                if (json) {
                    out().println(PageTable.json(pages));
                } else {
                    PageTable.print(pages, out());
                }
            }
            return 0;
        }
    }

    @Command(name = "folders", description = "Choose which folders a Page syncs by default (sync --folders overrides it once).")
    static final class Folders extends AppCommand {
        @Parameters(index = "0", paramLabel = "PAGE_ID")
        String pageId;

        @Parameters(index = "1", paramLabel = "LIST", description = "e.g. inbox,page_done,other,spam (all four is the default).")
        String folders;

        @Override
        public Integer call() {
            List<Folder> list;
            try {
                list = Folder.parseList(folders);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
            }
            try (AppContext app = open()) {
                requirePage(app, pageId);
                app.pages().setFolders(pageId, list);
                out().printf("Page %s now syncs: %s%n", pageId, String.join(", ", list.stream().map(Folder::wireName).toList()));
            }
            return 0;
        }
    }

    @Command(name = "remove", description = "Remove a Page, its token and its local copy.")
    static final class Remove extends AppCommand {
        @Parameters(paramLabel = "PAGE_ID")
        String pageId;

        @Override
        public Integer call() {
            try (AppContext app = open()) {
                boolean removed = app.pages().removePage(pageId);
                boolean hadToken = app.vault().remove(pageId);
                if (!removed && !hadToken) {
                    throw new IllegalArgumentException(notAdded(pageId));
                }
                out().printf("Removed page %s, its token and its stored conversations.%n", pageId);
            }
            return 0;
        }
    }
}
