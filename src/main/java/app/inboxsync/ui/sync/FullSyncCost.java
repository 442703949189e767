package app.inboxsync.ui.sync;

import java.time.Duration;

/**
 * What "Reset &amp; full sync" will cost, said before it starts: a full pass reads every conversation and message
 * again. Measured on the simulator: about one Graph call per 10 conversations (100 per page of conversations, plus
 * the extra pages of long threads), one per folder more.
 */
public record FullSyncCost(long calls, Duration time) {
    private static final double CALLS_PER_CONVERSATION = 0.1;

    public static FullSyncCost estimate(long storedConversations, int folders, double callsPerSecond) {
        long calls = Math.max(folders, Math.round(storedConversations * CALLS_PER_CONVERSATION) + folders);
        Duration time = callsPerSecond <= 0 ? Duration.ZERO : Duration.ofMillis(Math.round(calls / callsPerSecond * 1000));
        return new FullSyncCost(calls, time);
    }

    /** "about 104 Graph calls, about 1 minute at 2 calls a second". */
    public String describe() {
        String duration = time.isZero() ? "" : ", about " + minutes() + " at the Graph rate limit";
        return "about " + calls + " Graph calls" + duration;
    }

    private String minutes() {
        long m = Math.round(time.toSeconds() / 60.0);
        return m < 1 ? "a minute or less" : m == 1 ? "1 minute" : m + " minutes";
    }
}
