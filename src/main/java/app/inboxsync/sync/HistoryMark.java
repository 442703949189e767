package app.inboxsync.sync;

import java.util.Objects;

/**
 * A conversation's new history state, written in the same transaction as the messages that justify it.
 *
 * @param reason for {@link HistoryState#WITHHELD}: Facebook's words (or what came back), else null
 * @param code   Graph's error code for a refusal, 0 when there was none (messages without details)
 */
public record HistoryMark(String conversationId, HistoryState state, String reason, int code) {
    public HistoryMark {
        Objects.requireNonNull(conversationId, "conversationId");
        Objects.requireNonNull(state, "state");
    }

    static HistoryMark pending(String conversationId) {
        return new HistoryMark(conversationId, HistoryState.PENDING, null, 0);
    }

    static HistoryMark complete(String conversationId) {
        return new HistoryMark(conversationId, HistoryState.COMPLETE, null, 0);
    }

    static HistoryMark withheld(String conversationId, String reason, int code) {
        return new HistoryMark(conversationId, HistoryState.WITHHELD, reason, code);
    }

    static HistoryMark withoutDetails(String conversationId, int messages) {
        return withheld(conversationId, "Facebook gave " + messages + (messages == 1 ? " message" : " messages")
                + " of this conversation without their details", 0);
    }
}
