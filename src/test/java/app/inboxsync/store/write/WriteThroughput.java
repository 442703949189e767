package app.inboxsync.store.write;

import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Folder;
import app.inboxsync.domain.Message;
import app.inboxsync.store.Fixtures;
import app.inboxsync.store.TestDatabase;
import app.inboxsync.store.server.Database;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Not a test: a rough measure of the store's write speed on the embedded server; prints messages per second.
 * Run it from the IDE, or after {@code ./mvnw -q -B test-compile}:
 * {@code java -cp target/test-classes:target/classes:$(./mvnw -q dependency:build-classpath
 * -Dmdep.outputFile=/dev/stdout) app.inboxsync.store.write.WriteThroughput [batches]}.
 * Writes 200 batches of 100 conversations × 20 messages (400,000 messages) from one thread.
 */
public final class WriteThroughput {
    public static void main(String[] args) {
        int batches = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String page = "bench";
        try (Database db = TestDatabase.fresh()) {
            Fixtures.addPage(db, page);
            PostgresInboxStore store = new PostgresInboxStore(db);
            store.writeBatch(page, batch(page, -1).conversations, batch(page, -1).messages); // warm up
            long start = System.nanoTime();
            long messages = 0;
            for (int b = 0; b < batches; b++) {
                Batch batch = batch(page, b);
                messages += store.writeBatch(page, batch.conversations, batch.messages).messagesInserted();
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("%d messages in %.2f s: %.0f messages/s%n", messages, seconds, messages / seconds);
        }
        System.exit(0);
    }

    private record Batch(List<Conversation> conversations, List<Message> messages) {
    }

    private static Batch batch(String page, int b) {
        List<Conversation> conversations = new ArrayList<>(100);
        List<Message> messages = new ArrayList<>(2000);
        Instant base = Instant.parse("2025-01-01T00:00:00Z").minusSeconds(b * 6000L);
        for (int c = 0; c < 100; c++) {
            String id = "t_" + b + "_" + c;
            String psid = "psid_" + b + "_" + c;
            conversations.add(new Conversation(id, page, Folder.INBOX, psid, "Customer " + c + " 🙂",
                    "Thanks, see you tomorrow!", base.minusSeconds(c * 60L), 20, 1, true,
                    "https://business.facebook.com/" + id,
                    "[{\"id\":\"" + psid + "\",\"name\":\"Customer\"},{\"id\":\"page\",\"name\":\"Shop\"}]"));
            for (int m = 0; m < 20; m++) {
                boolean fromPage = m % 2 == 1;
                messages.add(new Message("m_" + b + "_" + c + "_" + m, id, page, fromPage ? "page" : psid,
                        fromPage ? "Shop" : "Customer " + c, fromPage,
                        "Message " + m + ": do you still have the blue one in size M? שלום 👍",
                        base.minusSeconds(c * 60L + m * 2L), m == 3 ? "{\"sticker\":\"https://x/y.png\"}" : null,
                        false));
            }
        }
        return new Batch(conversations, messages);
    }
}
