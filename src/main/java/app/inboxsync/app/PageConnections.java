package app.inboxsync.app;

import app.inboxsync.domain.PageGrant;
import app.inboxsync.domain.PageListing;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.domain.Secret;
import java.util.ArrayList;
import app.inboxsync.read.PageDirectory;
import app.inboxsync.secrets.TokenVault;
import app.inboxsync.sync.GraphGateway;
import java.util.List;
import java.util.function.Predicate;

/** Adding Pages and renewing their tokens: ask Graph who the token belongs to, then keep the Page and its token. */
public final class PageConnections {
    private final GraphGateway graph;
    private final PageDirectory pages;
    private final TokenVault vault;

    public PageConnections(GraphGateway graph, PageDirectory pages, TokenVault vault) {
        this.graph = graph;
        this.pages = pages;
        this.vault = vault;
    }

    /** Adds (or refreshes) the Page a Page access token belongs to. */
    public PageProfile add(Secret pageToken) {
        PageProfile page = graph.identifyPage(pageToken);
        keep(page, pageToken);
        return page;
    }

    /** Adds every Page of {@code /me/accounts} a user token can sync, each with its own Page token. */
    public List<PageProfile> importAll(Secret userToken) {
        return importPages(userToken, page -> true).added();
    }

    /** The Pages a user token lists, those it can sync and those it cannot (with why); nothing is stored. */
    public PageListing listAccounts(Secret userToken) {
        return graph.listPages(userToken);
    }

    /** Adds the Pages of {@code /me/accounts} that can be synced and that {@code chosen} accepts. */
    public PageImport importPages(Secret userToken, Predicate<PageProfile> chosen) {
        PageListing listing = listAccounts(userToken);
        List<PageProfile> added = new ArrayList<>();
        for (PageGrant grant : listing.grants()) {
            if (chosen.test(grant.page())) {
                keep(grant.page(), grant.pageToken());
                added.add(grant.page());
            }
        }
        return new PageImport(added, listing.unusable(), listing.grants().size() - added.size());
    }

    /** Replaces the token of a Page whose token Facebook refused; refuses a token of another Page. */
    public PageProfile reconnect(String pageId, Secret pageToken) {
        PageProfile page = graph.identifyPage(pageToken);
        if (!page.id().equals(pageId)) {
            throw new IllegalArgumentException("That token belongs to the Page \"" + page.name() + "\" (" + page.id()
                    + "), not to this one. Copy the access token of this Page and try again.");
        }
        keep(page, pageToken);
        return page;
    }

    /**
     * The token first: a Page in the database without its token would fail every sync. If the database then
     * refuses the Page, a token stored for a Page that was not there before is taken back.
     */
    private void keep(PageProfile page, Secret token) {
        boolean known = pages.findPage(page.id()).isPresent();
        vault.store(page.id(), token);
        try {
            pages.savePage(page);
        } catch (RuntimeException e) {
            if (!known) {
                try {
                    vault.remove(page.id());
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
            }
            throw e;
        }
    }
}
