package app.inboxsync.media;

import java.util.Objects;

/**
 * One attachment of a stored message as the media store knows it: what it is and where its file stands.
 *
 * @param sha256 the stored file's hash when {@code status} is stored, else null
 */
public record KeptAttachment(String messageId, int index, MediaKind kind, MediaStatus status, String mimeType,
        String name, String sha256, long size) {
    public KeptAttachment {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        if (status == MediaStatus.STORED && !Sha256.valid(sha256)) {
            throw new IllegalArgumentException("a stored attachment has its SHA-256, not " + sha256);
        }
    }

    /** What a reader is told when the file is not here, in words. */
    public String statusWords() {
        return switch (status) {
            case STORED -> "stored";
            case PENDING -> "not downloaded yet";
            case TOO_LARGE -> "too large to keep";
            case GONE -> "no longer on Facebook";
            case FAILED -> "download failed";
        };
    }

    /** A file extension for the bytes: from the mime type, else from Graph's name, else none. */
    public String extension() {
        String fromMime = mimeType == null ? null : switch (mimeType.toLowerCase(java.util.Locale.ROOT)) {
            case "image/png" -> "png";
            case "image/jpeg", "image/jpg" -> "jpg";
            case "image/gif" -> "gif";
            case "image/webp" -> "webp";
            case "video/mp4" -> "mp4";
            case "audio/mpeg", "audio/mp3" -> "mp3";
            case "audio/mp4", "audio/aac" -> "m4a";
            case "application/pdf" -> "pdf";
            default -> null;
        };
        if (fromMime != null) {
            return fromMime;
        }
        if (name != null) {
            int dot = name.lastIndexOf('.');
            String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(java.util.Locale.ROOT);
            if (ext.matches("[a-z0-9]{1,8}")) {
                return ext;
            }
        }
        return switch (kind) {
            case IMAGE, STICKER -> "jpg";
            case GIF -> "gif";
            case VIDEO -> "mp4";
            case AUDIO -> "mp3";
            case FILE -> "bin";
        };
    }
}
