package app.inboxsync.ui.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FullSyncCostTest {
    @Test
    void aThousandConversationsCostAboutAHundredCallsAtTwoASecond() {
        // the bench measured 104 calls for 1,000 conversations in 4 folders
        FullSyncCost cost = FullSyncCost.estimate(1000, 4, 2);
        assertEquals(104, cost.calls());
        assertEquals(Duration.ofSeconds(52), cost.time());
        assertEquals("about 104 Graph calls, about 1 minute at the Graph rate limit", cost.describe());
    }

    @Test
    void anEmptyPageStillReadsEachFolderAndNoPacingMeansNoWait() {
        FullSyncCost cost = FullSyncCost.estimate(0, 4, 0);
        assertEquals(4, cost.calls());
        assertEquals("about 4 Graph calls", cost.describe());
        assertEquals("about 2004 Graph calls, about 17 minutes at the Graph rate limit",
                FullSyncCost.estimate(20_000, 4, 2).describe());
    }
}
