package app.inboxsync.media;

/** What an attachment is, as Graph's shape says it (image_data, video_data, render_as_sticker, mime type). */
public enum MediaKind {
    IMAGE, GIF, STICKER, VIDEO, AUDIO, FILE;

    /** The name in {@code message_media.kind}. */
    public String dbName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static MediaKind fromDb(String s) {
        return valueOf(s.toUpperCase(java.util.Locale.ROOT));
    }
}
