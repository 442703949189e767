package app.inboxsync.ui.conversations;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Where a conversation opens in Meta Business Suite's inbox, to reply there (Inbox Sync only reads): the Page as
 * the asset and the customer's PSID as the selected thread, the address Business Suite itself uses.
 */
final class BusinessSuiteLink {
    private BusinessSuiteLink() {
    }

    /** @param senderId the stored PSID; an older second thread's {@code psid#conversation} names the same person */
    static String of(String pageId, String senderId) {
        String psid = senderId.contains("#") ? senderId.substring(0, senderId.indexOf('#')) : senderId;
        String page = URLEncoder.encode(pageId, StandardCharsets.UTF_8);
        return "https://business.facebook.com/latest/inbox/all?asset_id=" + page + "&mailbox_id=" + page
                + "&selected_item_id=" + URLEncoder.encode(psid, StandardCharsets.UTF_8) + "&thread_type=FB_MESSAGE";
    }
}
