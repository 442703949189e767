package app.inboxsync.ui.main;

import app.inboxsync.domain.PageListing;
import app.inboxsync.domain.Secret;
import app.inboxsync.ui.sync.FullSyncCost;
import java.util.Optional;
import java.util.Set;

/** The questions the main window puts to the user: modal dialogs in the window ({@link DialogPrompts}), answers by hand in tests. */
public interface Prompts {
    /** Asks for an access token; empty when the user cancels. */
    Optional<Secret> token(TokenQuestion question);

    /**
     * Shows what a user token lists (the Pages it can sync, ticked, and the ones it cannot, with why) and asks
     * which to import. Empty when the user cancels; otherwise the ids ticked.
     */
    Optional<Set<String>> choosePages(PageListing listing);

    /** Whether to read all of {@code pageName} from Facebook again. */
    boolean confirmFullSync(String pageName, FullSyncCost cost);

    /** Whether to cancel the running sync of {@code what} (a Page's name, or "3 Pages"): Esc is easy to hit. */
    boolean confirmCancel(String what);

    /**
     * In the demo, a real token would only be tried on the simulator: says so. Returns whether the user chose to
     * go back to the real Pages (to {@code what} there).
     */
    boolean wantsBackFromDemo(String what);

    /** What a token dialog says: its title, what to paste, the name of its OK button. */
    record TokenQuestion(String title, String explanation, String button) {
    }
}
