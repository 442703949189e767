package app.inboxsync.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Recomputes generated messages from (seed, conversation number, seq) whenever they are asked for, so a
 * world of millions of messages costs no memory. {@code seq} counts from the oldest message (0);
 * listings count positions from the newest.
 */
final class MessageFactory {

    private final long seed;
    private final Ids ids;
    private final List<SimPage> pages;

    MessageFactory(long seed, Ids ids, List<SimPage> pages) {
        this.seed = seed;
        this.ids = ids;
        this.pages = pages;
    }

    /** Up to {@code count} messages newest first, starting at {@code position} (0 = the newest). */
    List<SimMessage> newestFirst(StoredConversation c, int position, int count) {
        int total = c.messageCount();
        int end = Math.min(total, position + count);
        List<SimMessage> out = new ArrayList<>(Math.max(0, end - position));
        for (int p = position; p < end; p++) {
            out.add(message(c, total - 1 - p));
        }
        return out;
    }

    SimMessage message(StoredConversation c, int seq) {
        if (seq >= c.baseCount()) {
            return c.added().get(seq - c.baseCount());
        }
        String id = ids.messageId(c.number(), seq);
        String conversationId = ids.conversationId(c.number());
        Instant created = Instant.ofEpochSecond(baseTime(c, seq));
        if (seq < c.unavailableOldest()) {
            return new SimMessage(id, conversationId, created, null, null, List.of(), null, null, null, null, true);
        }
        SplittableRandom r = random(c.number(), seq);
        boolean fromCustomer = isFromCustomer(c.number(), seq);
        SimPage page = pages.get(c.page());
        String customerId = ids.customerId(c.number());
        String fromId = fromCustomer ? customerId : page.id();
        String fromName = fromCustomer ? customerName(c) : page.name();
        List<String> to = List.of(fromCustomer ? page.id() : customerId);
        int roll = r.nextInt(1000);
        long n = Math.abs(r.nextLong() % 1_000_000_000L);
        if (roll < 30) { // attachment only: Graph sends an empty message, or none at all
            return new SimMessage(id, conversationId, created, fromId, fromName, to, r.nextBoolean() ? "" : null,
                    attachmentJson(n, r), null, null, false);
        }
        if (roll < 45) {
            // Graph gives a sticker twice: as the sticker field and as an attachment rendered as a sticker.
            String sticker = link("t39.1997-6", n, n % 12, CdnFiles.Kind.PNG);
            return new SimMessage(id, conversationId, created, fromId, fromName, to, "", stickerJson(n, sticker),
                    sticker, null, false);
        }
        if (roll < 55) {
            String link = "https://shop.example.com/products/" + n;
            String shares = "{\"data\":[{\"link\":\"" + link + "\",\"name\":\"Product " + n
                    + "\",\"description\":\"Shared from the shop\"}]}";
            return new SimMessage(id, conversationId, created, fromId, fromName, to, link, null, null, shares, false);
        }
        String text;
        if (roll < 65) {
            text = pick(SampleTexts.RTL_TEXTS, r);
        } else if (roll < 90) {
            text = pick(SampleTexts.EMOJI_TEXTS, r);
        } else if (roll < 95) {
            text = pick(SampleTexts.LONG_TEXTS, r);
        } else if (roll < 100) {
            text = SampleTexts.TEXT_WITH_NUL;
        } else {
            text = pick(fromCustomer ? SampleTexts.CUSTOMER_TEXTS : SampleTexts.PAGE_TEXTS, r);
        }
        return new SimMessage(id, conversationId, created, fromId, fromName, to, text, null, null, null, false);
    }

    /** The first message of a thread is the customer's; after that about 60 % are. */
    boolean isFromCustomer(int number, int seq) {
        return seq == 0 || (Ids.mix(seed ^ Ids.mix(((long) number << 20) ^ seq ^ 0xF00L)) & 1023) < 614;
    }

    String customerName(StoredConversation c) {
        return switch (c.customerKind()) {
            case StoredConversation.DELETED_NAMED -> SampleTexts.DELETED_USER_NAME;
            case StoredConversation.DELETED_NAMELESS -> null;
            default -> SampleTexts.CUSTOMER_NAMES.get(c.customerKind());
        };
    }

    /**
     * Newest generated message at {@code newestBaseTime}, each older one about {@code gapSeconds} earlier.
     * The jitter stays below half a gap, so times strictly decrease from newest to oldest.
     */
    private long baseTime(StoredConversation c, int seq) {
        int k = c.baseCount() - 1 - seq;
        if (k == 0) {
            return c.newestBaseTime();
        }
        long jitter = Math.floorMod(Ids.mix(seed ^ ((long) c.number() << 20) ^ k), Math.max(1, c.gapSeconds() / 2));
        return c.newestBaseTime() - (long) k * c.gapSeconds() - jitter;
    }

    private SplittableRandom random(int number, int seq) {
        return new SplittableRandom(Ids.mix(seed + 0x9E3779B97F4A7C15L * (((long) number << 20) | seq)));
    }

    /**
     * One attachment in Graph's shape. Its links name a file of the simulated CDN ({@link CdnLinks}); the picture
     * number repeats across messages, so the same photo, sticker or file is sent more than once.
     */
    private static String attachmentJson(long n, SplittableRandom r) {
        String id = "\"id\":\"" + (9_000_000_000L + n) + "\"";
        if (r.nextInt(4) == 0) {
            boolean audio = n % 3 == 0;
            CdnFiles.Kind kind = audio ? CdnFiles.Kind.MP3 : CdnFiles.Kind.PDF;
            long picture = audio ? n % 25 : n % 50;
            String name = audio ? "audioclip-" + n + ".mp3" : "invoice-" + n + ".pdf";
            return "{\"data\":[{" + id + ",\"mime_type\":\"" + kind.mime + "\",\"name\":\"" + name + "\",\"size\":"
                    + CdnFiles.size(kind, picture) + ",\"file_url\":\"" + link("t59.2708-21", n, picture, kind) + "\"}]}";
        }
        int pick = (int) (n % 10);
        CdnFiles.Kind kind = pick < 6 ? CdnFiles.Kind.JPG : pick < 8 ? CdnFiles.Kind.GIF : CdnFiles.Kind.MP4;
        long picture = switch (kind) {
            case JPG -> n % 40;
            case GIF -> n % 20;
            default -> n % 30;
        };
        int width = CdnFiles.width(picture);
        int height = CdnFiles.height(picture);
        String head = "{\"data\":[{" + id + ",\"mime_type\":\"" + kind.mime + "\",\"name\":\""
                + (kind == CdnFiles.Kind.MP4 ? "video-" : "image-") + n + "." + kind.name().toLowerCase()
                + "\",\"size\":" + CdnFiles.size(kind, picture) + ",";
        String size = "\"width\":" + width + ",\"height\":" + height;
        if (kind == CdnFiles.Kind.MP4) {
            return head + "\"video_data\":{" + size + ",\"length\":" + (3 + n % 60) + ",\"video_type\":0,\"url\":\""
                    + link("t42.3356-2", n, picture, kind) + "\",\"preview_url\":\""
                    + link("t15.3394-10", n, picture, CdnFiles.Kind.JPG) + "\",\"rotation\":0}}]}";
        }
        String url = link("t39.1997-6", n, picture, kind);
        String preview = link("t39.1997-6/p200x200", n, picture, kind);
        return head + "\"image_data\":{" + size + ",\"max_width\":" + width + ",\"max_height\":" + height
                + ",\"url\":\"" + url + "\",\"preview_url\":\"" + preview + "\""
                + (kind == CdnFiles.Kind.GIF ? ",\"animated_gif_url\":\"" + url + "\",\"animated_gif_preview_url\":\""
                        + preview + "\",\"image_type\":3" : ",\"image_type\":1")
                + ",\"render_as_sticker\":false}}]}";
    }

    private static String stickerJson(long n, String url) {
        long picture = n % 12;
        return "{\"data\":[{\"id\":\"" + (9_100_000_000L + n) + "\",\"mime_type\":\"image/png\",\"name\":\"sticker-" + n
                + ".png\",\"size\":" + CdnFiles.size(CdnFiles.Kind.PNG, picture) + ",\"image_data\":{\"width\":"
                + CdnFiles.width(picture) + ",\"height\":" + CdnFiles.height(picture) + ",\"url\":\""
                + url + "\",\"preview_url\":\"" + url + "\",\"render_as_sticker\":true}}]}";
    }

    private static String link(String folder, long n, long picture, CdnFiles.Kind kind) {
        return CdnLinks.PLACEHOLDER + "/v/" + folder + "/" + n + "_" + picture + "." + kind.name().toLowerCase();
    }

    private static String pick(List<String> list, SplittableRandom r) {
        return list.get(r.nextInt(list.size()));
    }
}
