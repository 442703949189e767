package app.inboxsync.sync;

import app.inboxsync.domain.Conversation;
import app.inboxsync.domain.Message;
import java.util.List;
import java.util.Objects;

/**
 * A conversation with the newest messages that came nested with it (newest first), and where its
 * message listing goes on ({@code moreMessages} is null when the nested page was the last one).
 */
public record FetchedConversation(Conversation conversation, List<Message> messages, Cursor moreMessages) {
    public FetchedConversation {
        Objects.requireNonNull(conversation, "conversation");
        messages = List.copyOf(messages);
    }
}
