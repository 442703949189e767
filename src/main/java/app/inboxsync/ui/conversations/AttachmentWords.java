package app.inboxsync.ui.conversations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Says in words what a message carries besides its text (the stored {@code attachments} JSON: Graph's
 * {@code attachments}, {@code sticker} and {@code shares}), each with the link to open, if any.
 */
public final class AttachmentWords {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One thing attached to a message; {@code url} is null when Graph gave none. */
    public record Line(String words, String url) { }

    /** What a thing attached is, in the words of a thread ("Photo") and of a list that names it alone ("Voice message"). */
    public enum Kind {
        PHOTO("Photo", "photo"), GIF("GIF", "GIF"), VIDEO("Video", "video"), AUDIO("Voice message or audio", "voice message"),
        FILE("File", "file"), STICKER("Sticker", "sticker"), SHARE("Shared", "shared link");

        final String words;
        final String noun;

        Kind(String words, String noun) {
            this.words = words;
            this.noun = noun;
        }

        /** "a photo" as a count: "Photo", "3 photos" (the list's words for a message without text). */
        public String counted(long n) {
            String one = this == AUDIO ? "Voice message" : this == SHARE ? "Shared link" : words;
            return n == 1 ? one : app.inboxsync.app.Plural.of(n, noun);
        }
    }

    private AttachmentWords() {
    }

    /** The kinds of what a message carries, in the order {@link #of} says them; empty for none or unreadable. */
    public static List<Kind> kinds(String attachmentsJson) {
        JsonNode root = parse(attachmentsJson);
        if (root == null) {
            return List.of();
        }
        List<Kind> kinds = new ArrayList<>();
        for (JsonNode a : root.path("attachments").path("data")) {
            kinds.add(kindOf(a));
        }
        if (root.hasNonNull("sticker") && !kinds.contains(Kind.STICKER)) {
            kinds.add(Kind.STICKER);
        }
        root.path("shares").path("data").forEach(s -> kinds.add(Kind.SHARE));
        return List.copyOf(kinds);
    }

    /** The stored JSON read, or null when there is none or it cannot be read. */
    static JsonNode parse(String attachmentsJson) {
        if (attachmentsJson == null || attachmentsJson.isBlank()) {
            return null;
        }
        try {
            return JSON.readTree(attachmentsJson);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    public static List<Line> of(String attachmentsJson) {
        if (attachmentsJson == null || attachmentsJson.isBlank()) {
            return List.of();
        }
        JsonNode root = parse(attachmentsJson);
        if (root == null) {
            return List.of(new Line("An attachment Inbox Sync cannot read", null));
        }
        List<Line> lines = new ArrayList<>();
        for (JsonNode a : root.path("attachments").path("data")) {
            lines.add(attachment(a));
        }
        // Graph gives a sticker both as the sticker field and as an attachment rendered as a sticker; a newer
        // Graph version may give only the attachment. Either way it is said once.
        boolean stickerAttached = lines.stream().anyMatch(l -> l.words().equals("Sticker"));
        if (root.hasNonNull("sticker") && !stickerAttached) {
            String sticker = root.get("sticker").isTextual() ? root.get("sticker").asText() : null;
            lines.add(new Line("Sticker", sticker));
        }
        for (JsonNode s : root.path("shares").path("data")) {
            String name = text(s, "name");
            String link = text(s, "link");
            lines.add(new Line("Shared " + (name != null ? "\"" + name + "\"" : link != null ? "a link" : "something"), link));
        }
        return List.copyOf(lines);
    }

    private static Kind kindOf(JsonNode a) {
        if (a.path("image_data").path("render_as_sticker").asBoolean(false)) {
            return Kind.STICKER;
        }
        String mime = text(a, "mime_type");
        return mime == null ? Kind.FILE : mime.startsWith("image/") ? (mime.equals("image/gif") ? Kind.GIF : Kind.PHOTO)
                : mime.startsWith("video/") ? Kind.VIDEO : mime.startsWith("audio/") ? Kind.AUDIO : Kind.FILE;
    }

    private static Line attachment(JsonNode a) {
        Kind kind = kindOf(a);
        if (kind == Kind.STICKER) {
            return new Line("Sticker", text(a.path("image_data"), "url"));
        }
        String name = text(a, "name");
        StringBuilder words = new StringBuilder(kind.words);
        if (name != null) {
            words.append(' ').append(name);
        }
        if (a.path("size").isNumber()) {
            words.append(" (").append(size(a.get("size").asLong())).append(')');
        }
        JsonNode image = a.path("image_data");
        if (image.path("width").isNumber() && image.path("height").isNumber()) {
            words.append(", ").append(image.get("width").asInt()).append('×').append(image.get("height").asInt());
        }
        String url = text(image, "url");
        if (url == null) {
            url = text(a.path("video_data"), "url");
        }
        if (url == null) {
            url = text(a, "file_url");
        }
        return new Line(words.toString(), url);
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(Locale.ROOT, "%.0f KB", bytes / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText();
    }
}
