package app.inboxsync.simulator;

import app.inboxsync.simulator.StoredConversation.ListingKey;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque keyset cursors. A conversation cursor holds the (updated_time, id) of an item, a message cursor
 * the seq of a message, so new items at the top never shift the pages after a cursor.
 */
final class Cursors {

    private Cursors() {
    }

    static String conversation(ListingKey key) {
        return encode("QVFconv:" + key.updatedTime() + ":" + key.idNumber());
    }

    /** The key to list after, or null when this is not a conversation cursor. */
    static ListingKey conversation(String cursor) {
        String[] parts = decode(cursor).split(":");
        if (parts.length != 3 || !parts[0].equals("QVFconv")) {
            return null;
        }
        try {
            return new ListingKey(Long.parseLong(parts[1]), Long.parseLong(parts[2]), -1);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String message(int conversationNumber, int seq) {
        return encode("QVFmsg:" + conversationNumber + ":" + seq);
    }

    /** The seq after a message cursor of this conversation, or -1 when it is not one. */
    static int message(String cursor, int conversationNumber) {
        String[] parts = decode(cursor).split(":");
        if (parts.length != 3 || !parts[0].equals("QVFmsg") || !parts[1].equals(Integer.toString(conversationNumber))) {
            return -1;
        }
        try {
            return Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String encode(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
