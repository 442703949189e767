package app.inboxsync.store;

import app.inboxsync.domain.Folder;
import java.time.Instant;
import java.util.List;

/**
 * A stored Page as the CLI and UI list it.
 *
 * @param watermark        {@code last_synced_at}; null means the next sync is full
 * @param reportedMessages the sum of Graph's {@code message_count} estimates over the stored conversations
 * @param lastRunStatus    status of the newest sync run, null when the page never synced
 * @param missingConversations conversations a full pass no longer found on Facebook (kept locally)
 * @param uncountedConversations conversations Facebook gave no message count for (its Graph version does not):
 *                               their stored messages stand in for the count in {@code reportedMessages}
 */
public record PageSummary(
        String pageId,
        String name,
        String category,
        Instant watermark,
        List<Folder> folders,
        String tokenStatus,
        String tokenError,
        long conversations,
        long messages,
        long reportedMessages,
        String lastRunStatus,
        Instant lastRunFinishedAt,
        String lastRunError,
        long missingConversations,
        long uncountedConversations) {

    public PageSummary {
        folders = List.copyOf(folders);
    }

    /** Stored messages ÷ messages Graph reports (1.0 when it reports none); may exceed 1, as counts are estimates. */
    public double coverage() {
        return reportedMessages == 0 ? 1.0 : (double) messages / reportedMessages;
    }

    public boolean tokenValid() {
        return "valid".equals(tokenStatus);
    }
}
