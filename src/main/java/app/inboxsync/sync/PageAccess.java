package app.inboxsync.sync;

import app.inboxsync.domain.Secret;
import java.util.Objects;

/** What the gateway needs to read one Page: its id and its Page token. */
public record PageAccess(String pageId, Secret token) {
    public PageAccess {
        Objects.requireNonNull(pageId, "pageId");
        Objects.requireNonNull(token, "token");
    }
}
