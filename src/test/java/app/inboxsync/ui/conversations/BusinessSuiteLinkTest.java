package app.inboxsync.ui.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BusinessSuiteLinkTest {
    @Test
    void opensThePagesInboxOnTheCustomersThread() {
        assertEquals("https://business.facebook.com/latest/inbox/all?asset_id=1001&mailbox_id=1001&selected_item_id=2002"
                + "&thread_type=FB_MESSAGE", BusinessSuiteLink.of("1001", "2002"));
        assertEquals(BusinessSuiteLink.of("1001", "2002"), BusinessSuiteLink.of("1001", "2002#t_older"),
                "an older second thread's row names the same person");
    }
}
