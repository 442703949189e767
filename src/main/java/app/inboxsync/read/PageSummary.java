package app.inboxsync.read;

import app.inboxsync.domain.Folder;
import app.inboxsync.sync.RunOutcome.RunStatus;
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
 * @param pendingHistories conversations whose older messages a later sync still has to fetch
 * @param withheldHistories conversations whose older messages Facebook keeps out of reach
 */
public record PageSummary(
        String pageId,
        String name,
        String category,
        Instant watermark,
        List<Folder> folders,
        TokenStatus tokenStatus,
        String tokenError,
        long conversations,
        long messages,
        long reportedMessages,
        RunStatus lastRunStatus,
        Instant lastRunFinishedAt,
        String lastRunError,
        long missingConversations,
        long uncountedConversations,
        long pendingHistories,
        long withheldHistories) {

    public PageSummary {
        folders = List.copyOf(folders);
    }

    public PageSummary(String pageId, String name, String category, Instant watermark, List<Folder> folders,
                       TokenStatus tokenStatus, String tokenError, long conversations, long messages,
                       long reportedMessages, RunStatus lastRunStatus, Instant lastRunFinishedAt, String lastRunError, long missingConversations) {
        this(pageId, name, category, watermark, folders, tokenStatus, tokenError, conversations, messages,
                reportedMessages, lastRunStatus, lastRunFinishedAt, lastRunError, missingConversations, 0, 0, 0);
    }

    /**
     * Stored messages ÷ messages Graph reports (its {@code message_count} estimates, so it may exceed 1); when Graph
     * reports none, the share of conversations whose history is complete. NaN when nothing is stored: there is
     * no coverage of nothing. While histories are pending it stays below 1, whatever the estimates say; what
     * Facebook withholds is simply not stored, so it lowers the ratio by itself.
     */
    public double coverage() {
        if (conversations == 0) {
            return Double.NaN;
        }
        double ratio = reportedMessages == 0
                ? (double) (conversations - pendingHistories - withheldHistories) / conversations
                : (double) messages / reportedMessages;
        return pendingHistories > 0 ? Math.min(ratio, 0.999) : ratio;
    }

    /** Coverage for people: "93.4%", or "–" when nothing is stored. */
    public String coverageText() {
        double c = coverage();
        return Double.isNaN(c) ? "–" : String.format(java.util.Locale.ROOT, "%.1f%%", c * 100);
    }

    public boolean tokenValid() {
        return tokenStatus == TokenStatus.VALID;
    }
}
