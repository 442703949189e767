package app.inboxsync.secrets;

import app.inboxsync.domain.Secret;
import java.util.Optional;

/** Where Page tokens live: never the database. An OS keychain where one is reachable, else an owner-only file. */
public interface TokenVault {

    Optional<Secret> token(String pageId);

    void store(String pageId, Secret token);

    /** Returns whether a token was stored for that Page. */
    boolean remove(String pageId);

    /** For people: where the tokens are kept. */
    String describe();
}
