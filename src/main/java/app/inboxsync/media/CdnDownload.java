package app.inboxsync.media;

import java.nio.file.Path;

/** The port to the CDN: plain HTTP, no token, no Graph rate limit. */
public interface CdnDownload {

    /** What came of a download. */
    sealed interface Result {
        /** The whole body is at the temp file; its hash as computed while it was written. */
        record Fetched(String sha256, long size) implements Result { }

        /** 403/404/410 (or another 4xx): the link does not work. */
        record Refused(int status, String text) implements Result { }

        /** The CDN says, or the body grew, beyond the cap; nothing kept. */
        record TooLarge(long size) implements Result { }

        /** Timeout, broken connection, 5xx: worth trying again later. */
        record Broken(String why) implements Result { }
    }

    Result download(String url, long maxBytes, Path temp);
}
