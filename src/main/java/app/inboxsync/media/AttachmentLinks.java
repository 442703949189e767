package app.inboxsync.media;

/** The port to Graph for fresh links: {@code GET /{message-id}?fields=attachments}, paced as any Graph call. */
public interface AttachmentLinks {

    /** The link of attachment {@code index} of the message now, or null when Graph no longer lists it. */
    String fresh(String pageId, String messageId, int index);
}
