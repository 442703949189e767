package app.inboxsync.ui.main;

import app.inboxsync.ui.sync.CountWords;
import app.inboxsync.ui.sync.PageProgress;

/** The line beside the progress bar. */
final class ProgressWords {
    private ProgressWords() {
    }

    static String of(PageProgress p) {
        String counted = CountWords.number(p.seen()) + (p.expected() > 0 && p.fraction() >= 0
                ? " of about " + CountWords.number(p.expected()) : "") + " conversations";
        return switch (p.phase()) {
            case QUEUED -> "Waiting for a free sync slot…";
            case SYNCING -> p.inHistory() ? counted + " · " + p.historyWords() + " · " + p.apiCalls() + " API calls"
                    : counted + " · batch " + p.batches() + " · " + p.apiCalls() + " API calls";
            case WAITING -> counted + " · " + p.message();
            case SUCCEEDED -> "Done: " + counted + " checked, " + p.touched() + " changed";
            case FAILED, CANCELLED, SKIPPED -> p.message();
        };
    }
}
