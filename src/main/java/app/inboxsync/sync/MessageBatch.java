package app.inboxsync.sync;

import app.inboxsync.domain.Message;
import java.util.List;

/** One page of a conversation's messages, newest first; {@code next} is null at the end. */
public record MessageBatch(List<Message> messages, Cursor next, int httpCalls) {
    public MessageBatch {
        messages = List.copyOf(messages);
    }
}
