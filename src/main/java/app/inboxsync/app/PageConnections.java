package app.inboxsync.app;

import app.inboxsync.domain.PageGrant;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.domain.Secret;
import app.inboxsync.read.PageDirectory;
import app.inboxsync.secrets.TokenVault;
import app.inboxsync.sync.GraphGateway;
import java.util.List;

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

    /** Adds every Page of {@code /me/accounts} for a user token, each with its own Page token. */
    public List<PageProfile> importAll(Secret userToken) {
        List<PageGrant> grants = graph.listPages(userToken);
        grants.forEach(g -> keep(g.page(), g.pageToken()));
        return grants.stream().map(PageGrant::page).toList();
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
