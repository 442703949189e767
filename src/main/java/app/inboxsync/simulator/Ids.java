package app.inboxsync.simulator;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.SplittableRandom;

/**
 * Facebook-looking identifiers that are unique by construction and can be decoded again, so the world
 * needs no id-to-object maps: numbers run through a keyed Feistel permutation (a bijection), which makes
 * consecutive conversations get unrelated-looking ids.
 */
final class Ids {

    private static final long PAGE_BASE = 100_000_000_000_000L;          // 15 digits
    private static final long CONVERSATION_BASE = 1_000_000_000_000_000L; // 16 digits
    private static final long CUSTOMER_BASE = 2_000_000_000_000_000L;     // 16 digits
    private static final int SEQ_BITS = 20;
    private static final String TOKEN_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final long seed;
    private final long[] keys;

    Ids(long seed) {
        this.seed = seed;
        SplittableRandom r = new SplittableRandom(seed ^ 0x1D5L);
        keys = new long[4];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = r.nextLong();
        }
    }

    String pageId(int pageIndex) {
        return Long.toString(PAGE_BASE + permute(pageIndex, 24, keys[0]));
    }

    String conversationId(int g) {
        return "t_" + (CONVERSATION_BASE + permute(g, 24, keys[1]));
    }

    /** The conversation number of a {@code t_…} id, or -1 when it is not one of ours. */
    int conversationNumber(String id) {
        if (!id.startsWith("t_")) {
            return -1;
        }
        try {
            long n = Long.parseLong(id.substring(2)) - CONVERSATION_BASE;
            if (n < 0 || n >= (1L << 48)) {
                return -1;
            }
            long g = unpermute(n, 24, keys[1]);
            return g <= Integer.MAX_VALUE ? (int) g : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** Numeric sort key of a conversation id; ids all have 16 digits, so this orders like the strings. */
    long conversationIdNumber(int g) {
        return CONVERSATION_BASE + permute(g, 24, keys[1]);
    }

    String customerId(int g) {
        return Long.toString(CUSTOMER_BASE + permute(g, 24, keys[2]));
    }

    /** {@code seq} counts a conversation's messages from its oldest (0). */
    String messageId(int g, int seq) {
        long packed = ((long) g << SEQ_BITS) | seq;
        byte[] bytes = ByteBuffer.allocate(8).putLong(permute(packed, 32, keys[3])).array();
        return "m_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** {conversation number, seq} of an {@code m_…} id, or null when it is not one of ours. */
    int[] messageNumbers(String id) {
        if (!id.startsWith("m_") || id.length() != 13) {
            return null;
        }
        try {
            long permuted = ByteBuffer.wrap(Base64.getUrlDecoder().decode(id.substring(2))).getLong();
            long packed = unpermute(permuted, 32, keys[3]);
            long g = packed >>> SEQ_BITS;
            return g <= Integer.MAX_VALUE ? new int[] {(int) g, (int) (packed & ((1 << SEQ_BITS) - 1))} : null;
        } catch (IllegalArgumentException | java.nio.BufferUnderflowException e) {
            return null;
        }
    }

    /** Page tokens never look like real ones ({@code EAA…}): lowercase after an uppercase marker. */
    String pageToken(int pageIndex) {
        return "SIMPAGE" + pageIndex + "x" + randomChars(new SplittableRandom(mix(seed ^ (0x70E1L + pageIndex))), 40);
    }

    String userToken() {
        return "SIMUSER" + randomChars(new SplittableRandom(mix(seed ^ 0x05E7L)), 40);
    }

    static String fbtraceId(long sequence) {
        return "A" + randomChars(new SplittableRandom(mix(sequence)), 10).toUpperCase();
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static String randomChars(SplittableRandom r, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(TOKEN_ALPHABET.charAt(r.nextInt(TOKEN_ALPHABET.length())));
        }
        return sb.toString();
    }

    // A 4-round Feistel network over 2*halfBits bits: a keyed bijection, inverted by unpermute.
    private static long permute(long value, int halfBits, long key) {
        long mask = (1L << halfBits) - 1;
        long left = (value >>> halfBits) & mask;
        long right = value & mask;
        for (int round = 0; round < 4; round++) {
            long next = left ^ (mix(right ^ key ^ round) & mask);
            left = right;
            right = next;
        }
        return (left << halfBits) | right;
    }

    private static long unpermute(long value, int halfBits, long key) {
        long mask = (1L << halfBits) - 1;
        long left = (value >>> halfBits) & mask;
        long right = value & mask;
        for (int round = 3; round >= 0; round--) {
            long previous = right ^ (mix(left ^ key ^ round) & mask);
            right = left;
            left = previous;
        }
        return (left << halfBits) | right;
    }
}
