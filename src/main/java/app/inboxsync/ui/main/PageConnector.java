package app.inboxsync.ui.main;

import app.inboxsync.app.PageConnections;
import app.inboxsync.app.PageImport;
import app.inboxsync.app.background.Background;
import app.inboxsync.domain.PageListing;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.domain.Secret;
import app.inboxsync.ui.pages.PageItem;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Connecting a Page with a token: the three token questions (add one Page, import a user's Pages — listed
 * first, the user ticks which —, reconnect a Page whose token Facebook refused), the work in the background, and the way back from the demo
 * (whose simulator knows no real token).
 */
public final class PageConnector {
    private final Tokens tokens;
    private final Background background;
    private final Prompts prompts;
    private final boolean demo;
    private final Runnable leaveDemo;
    private final Consumer<List<PageProfile>> connected;
    private final Consumer<PageImport> imported;
    private final Consumer<String> failed;

    /**
     * @param connected told (where {@code background}'s handlers run) which Pages a Page token connected
     * @param imported  told what importing a user token's Pages did (added, left out, unusable)
     * @param failed    told the sentence when Facebook or the database refused
     */
    public PageConnector(Tokens tokens, Background background, Prompts prompts, boolean demo, Runnable leaveDemo,
                         Consumer<List<PageProfile>> connected, Consumer<PageImport> imported, Consumer<String> failed) {
        this.tokens = tokens;
        this.background = background;
        this.prompts = prompts;
        this.demo = demo;
        this.leaveDemo = leaveDemo;
        this.connected = connected;
        this.imported = imported;
        this.failed = failed;
    }

    public void addPage() {
        if (offerWayBackFromDemo("add a Page")) {
            return;
        }
        prompts.token(new Prompts.TokenQuestion("Add a Page", "Paste the Page access token of the Page (from Meta's "
                        + "Graph API Explorer or your app). Inbox Sync asks Facebook which Page it belongs to and keeps "
                        + "the token in your keychain, never in the database.", "Add Page"))
                .ifPresent(token -> connect("add the Page", () -> List.of(tokens.add(token))));
    }

    public void importPages() {
        if (offerWayBackFromDemo("import your Pages")) {
            return;
        }
        prompts.token(new Prompts.TokenQuestion("Import my Pages", "Paste a user access token with the "
                        + "pages_show_list and pages_messaging permissions. Inbox Sync lists the Pages it manages, "
                        + "you choose which to import, each with its own Page token.", "List my Pages"))
                .ifPresent(token -> background.run("list your Pages", () -> tokens.list(token),
                        listing -> choose(token, listing), failed));
    }

    /** The listing first; then only the Pages ticked are imported (a Page token each, from a fresh listing). */
    private void choose(Secret token, PageListing listing) {
        if (listing.grants().isEmpty() && listing.unusable().isEmpty()) {
            imported.accept(new PageImport(List.of(), List.of(), 0));
            return;
        }
        prompts.choosePages(listing).filter(ids -> !ids.isEmpty()).ifPresent(ids -> background.run("import your Pages",
                () -> tokens.importPages(token, page -> ids.contains(page.id())), imported, failed));
    }

    public void reconnect(PageItem page) {
        prompts.token(new Prompts.TokenQuestion("Reconnect " + page.name(), "Facebook no longer accepts this Page's token"
                        + (page.summary().tokenError() == null ? "." : ": " + page.summary().tokenError())
                        + " Paste a new Page access token for \"" + page.name() + "\".", "Reconnect"))
                .ifPresent(token -> connect("reconnect " + page.name(),
                        () -> List.of(tokens.reconnect(page.pageId(), token))));
    }

    private void connect(String what, Callable<List<PageProfile>> work) {
        background.run(what, work, connected, failed);
    }

    /** In the demo, offers the way back to the real Pages instead of a token dialog. Returns whether this is the demo. */
    private boolean offerWayBackFromDemo(String what) {
        if (!demo) {
            return false;
        }
        if (prompts.wantsBackFromDemo(what)) {
            leaveDemo.run();
        }
        return true;
    }

    /** What a token can do: {@link PageConnections} in the app, a fake in tests. */
    public interface Tokens {
        PageProfile add(Secret pageToken);

        /** What a user token lists: Pages it can sync and those it cannot (with why); nothing is stored. */
        PageListing list(Secret userToken);

        /** Adds the Pages a user token can sync that {@code chosen} accepts. */
        PageImport importPages(Secret userToken, Predicate<PageProfile> chosen);

        PageProfile reconnect(String pageId, Secret pageToken);

        static Tokens of(PageConnections connections) {
            return new Tokens() {
                @Override
                public PageProfile add(Secret pageToken) {
                    return connections.add(pageToken);
                }

                @Override
                public PageListing list(Secret userToken) {
                    return connections.listAccounts(userToken);
                }

                @Override
                public PageImport importPages(Secret userToken, Predicate<PageProfile> chosen) {
                    return connections.importPages(userToken, chosen);
                }

                @Override
                public PageProfile reconnect(String pageId, Secret pageToken) {
                    return connections.reconnect(pageId, pageToken);
                }
            };
        }
    }
}
