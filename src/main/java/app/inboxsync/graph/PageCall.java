package app.inboxsync.graph;

import app.inboxsync.domain.Secret;
import java.util.Objects;

/**
 * Who a request is made for, attached to the OkHttp request as its tag so the interceptors can pace it
 * per Page and authenticate it without the token ever being part of the URL.
 *
 * @param pageId the Page being read, or null for token checks ({@code /me}, {@code /me/accounts}): unpaced
 */
record PageCall(String pageId, Secret token) {
    PageCall {
        Objects.requireNonNull(token, "token");
    }

    /** "Page 123" or "this token", for messages. */
    String who() {
        return pageId == null ? "this token" : "Page " + pageId;
    }
}
