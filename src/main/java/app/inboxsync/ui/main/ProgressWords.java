package app.inboxsync.ui.main;

import app.inboxsync.ui.sync.CountWords;
import app.inboxsync.ui.sync.PageProgress;

/** The line beside the progress bar. */
final class ProgressWords {
    private ProgressWords() {
    }

    static String of(PageProgress p) {
        boolean estimated = p.expected() > 0 && p.fraction() >= 0;
        // "1 of about 3 conversations", "1 conversation": the noun follows the last number written
        String counted = estimated
                ? CountWords.number(p.seen()) + " of about " + CountWords.conversations(p.expected())
                : CountWords.conversations(p.seen());
        String calls = CountWords.count(p.apiCalls(), "API call");
        return switch (p.phase()) {
            case QUEUED -> "Waiting for a free sync slot…";
            case SYNCING -> p.inHistory() ? counted + " · " + p.historyWords() + " · " + calls
                    : counted + " · batch " + p.batches() + " · " + calls;
            case WAITING -> counted + " · " + p.message();
            case SUCCEEDED -> "Done: " + counted + " checked, " + CountWords.number(p.touched()) + " changed";
            case FAILED, CANCELLED, SKIPPED -> p.message();
        };
    }
}
