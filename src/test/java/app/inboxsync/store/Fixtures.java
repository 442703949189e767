package app.inboxsync.store;

import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Message;
import app.inboxsync.domain.PageProfile;
import app.inboxsync.store.read.PageRepository;
import app.inboxsync.store.server.Database;
import java.time.Instant;

/** Small builders for store tests. */
public final class Fixtures {
    public static final Instant T0 = Instant.parse("2024-11-10T17:00:00Z");

    private Fixtures() {
    }

    public static void addPage(Database db, String pageId) {
        new PageRepository(db).savePage(new PageProfile(pageId, "Page " + pageId, "Shop"));
    }

    public static Conversation conversation(String pageId, String id, String sender, int minutes, String snippet) {
        return new Conversation(id, pageId, Folder.INBOX, sender, "Name " + sender, snippet,
                T0.plusSeconds(60L * minutes), 2, 0, true, "https://facebook.com/" + id,
                "[{\"id\":\"" + sender + "\",\"name\":\"Name " + sender + "\"}]");
    }

    public static Message message(String pageId, String conversationId, String id, int minutes, String text) {
        return new Message(id, conversationId, pageId, "u1", "Customer", false, text, T0.plusSeconds(60L * minutes),
                null, false);
    }
}
