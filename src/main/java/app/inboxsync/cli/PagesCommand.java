package app.inboxsync.cli;

import app.inboxsync.app.AppContext;
import app.inboxsync.app.PageConnections;
import app.inboxsync.app.PageImport;
import app.inboxsync.app.Plural;
import app.inboxsync.domain.PageGrant;
import app.inboxsync.domain.PageListing;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.domain.Secret;
import app.inboxsync.read.PageSummary;
import app.inboxsync.domain.Folder;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

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

    @Command(name = "import", description = "Add the Pages a user token administers (/me/accounts, every page of it), "
            + "all of them or those chosen with --only; Pages the token cannot sync are named with the reason.")
    static final class Import extends AppCommand {
        @Option(names = "--user-token", required = true, arity = "0..1", interactive = true, paramLabel = "USER_TOKEN",
                description = "A user access token with pages_show_list; give it alone to type it hidden.")
        char[] userToken;

        @Option(names = "--only", split = ",", paramLabel = "PAGE_ID",
                description = "Import only these Pages (ids, comma-separated); see them first with --list.")
        List<String> only;

        @Option(names = "--list", description = "Show the Pages the token lists, and whether each can be synced; "
                + "import nothing.")
        boolean listOnly;

        @Override
        public Integer call() {
            Secret token = Secret.of(new String(userToken));
            try (AppContext app = open()) {
                PageConnections connections = app.pageConnections();
                if (listOnly) {
                    printListing(connections.listAccounts(token));
                    return 0;
                }
                Set<String> chosen = only == null ? null : new LinkedHashSet<>(only);
                PageImport result = connections.importPages(token, page -> chosen == null || chosen.contains(page.id()));
                for (PageProfile page : result.added()) {
                    out().printf("Added page %s (%s)%n", page.name(), page.id());
                }
                for (PageListing.Unusable u : result.unusable()) {
                    out().printf("Skipped page %s (%s): %s%n", u.page().name(), u.page().id(), u.reason());
                }
                if (chosen != null) {
                    result.added().forEach(p -> chosen.remove(p.id()));
                    result.unusable().forEach(u -> chosen.remove(u.page().id()));
                    if (!chosen.isEmpty()) {
                        err().printf("Not listed for this token: %s. See the Pages it lists with: inbox-sync pages "
                                + "import --list --user-token%n", String.join(", ", chosen));
                    }
                }
                out().printf("%s imported%s. Sync them with: inbox-sync sync --all%n",
                        Plural.of(result.added().size(), "Page"),
                        result.unusable().isEmpty() ? "" : ", " + result.unusable().size() + " skipped");
                return chosen != null && !chosen.isEmpty() ? 1 : 0;
            }
        }

        private void printListing(PageListing listing) {
            out().printf("%-20s %-32s %s%n", "ID", "NAME", "CAN BE SYNCED");
            for (PageGrant g : listing.grants()) {
                out().printf("%-20s %-32s %s%n", g.page().id(), g.page().name(), "yes");
            }
            for (PageListing.Unusable u : listing.unusable()) {
                out().printf("%-20s %-32s no: %s%n", u.page().id(), u.page().name(), u.reason());
            }
            out().printf("%s listed, %d can be synced.%n",
                    Plural.of(listing.grants().size() + listing.unusable().size(), "Page"), listing.grants().size());
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
