package app.inboxsync.sync;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Where one Graph listing has been: the next links followed and the ids read. Graph's cursors always move
 * on, so a link followed before, or a page of nothing but ids already read, means the listing repeats
 * itself (a broken or hostile server); following it would read the same page forever. Used for every
 * listing: a Page's conversations per folder, a conversation's messages, the Pages of a user token.
 * Thread safe.
 */
public final class PagingTrail {
    private final String what;
    private final Set<String> links = new HashSet<>();
    private final Set<String> ids = new HashSet<>();
    private int pages;

    /** @param what the listing, for the sentence: "the inbox conversations of Page 123" */
    public PagingTrail(String what) {
        this.what = what;
    }

    /** Before following {@code next} (null: the first page): fails when this link was followed before. */
    public synchronized void follow(Cursor next) {
        if (next != null && !links.add(next.nextUrl())) {
            throw repeats("the link to page " + (pages + 1) + " is one already followed");
        }
    }

    /** After a page: fails when it held items and every one of them was read before. */
    public synchronized void read(Collection<String> pageIds) {
        pages++;
        boolean anyNew = false;
        for (String id : pageIds) {
            anyNew |= ids.add(id);
        }
        if (!pageIds.isEmpty() && !anyNew) {
            throw repeats("page " + pages + " holds only what earlier pages held");
        }
    }

    private GraphException repeats(String how) {
        return new GraphException(GraphException.Kind.MALFORMED, "Facebook's listing of " + what
                + " repeats itself (" + how + "), so Inbox Sync stopped reading it instead of reading the same "
                + "page forever. What was copied is kept; try again later, and if it keeps happening, report it.");
    }
}
