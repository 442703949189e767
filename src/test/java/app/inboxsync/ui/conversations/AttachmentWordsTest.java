package app.inboxsync.ui.conversations;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class AttachmentWordsTest {

    @Test
    void describesPhotosFilesStickersAndSharesWithTheirLinks() {
        String json = """
                {"attachments":{"data":[
                   {"mime_type":"image/jpeg","name":"image-1.jpg","size":2500000,
                    "image_data":{"width":640,"height":480,"url":"https://cdn/1.jpg"}},
                   {"mime_type":"application/pdf","name":"invoice.pdf","size":20480,"file_url":"https://cdn/f.pdf"},
                   {"mime_type":"audio/mp4"}]},
                 "sticker":"https://cdn/sticker.png",
                 "shares":{"data":[{"link":"https://shop/p/1","name":"Product 1"},{"link":"https://x"}]}}
                """;
        assertEquals(List.of(
                new AttachmentWords.Line("Photo image-1.jpg (2.4 MB), 640×480", "https://cdn/1.jpg"),
                new AttachmentWords.Line("File invoice.pdf (20 KB)", "https://cdn/f.pdf"),
                new AttachmentWords.Line("Voice message or audio", null),
                new AttachmentWords.Line("Sticker", "https://cdn/sticker.png"),
                new AttachmentWords.Line("Shared \"Product 1\"", "https://shop/p/1"),
                new AttachmentWords.Line("Shared a link", "https://x")), AttachmentWords.of(json));
    }

    @Test
    void aStickerIsSaidOnceWhetherGraphGaveItAsAFieldAnAttachmentOrBoth() {
        String attached = """
                {"attachments":{"data":[{"mime_type":"image/png","name":"sticker-1.png",
                    "image_data":{"width":240,"height":240,"url":"https://cdn/s.png","render_as_sticker":true}}]}}
                """;
        String both = attached.strip().replaceFirst("}$", ",\"sticker\":\"https://cdn/s.png\"}");
        List<AttachmentWords.Line> sticker = List.of(new AttachmentWords.Line("Sticker", "https://cdn/s.png"));
        assertEquals(sticker, AttachmentWords.of(attached), "only the attachment (the sticker field refused)");
        assertEquals(sticker, AttachmentWords.of(both));
        assertEquals(sticker, AttachmentWords.of("{\"sticker\":\"https://cdn/s.png\"}"));
    }

    @Test
    void nothingOrUnreadableJsonIsSaidPlainly() {
        assertEquals(List.of(), AttachmentWords.of(null));
        assertEquals(List.of(), AttachmentWords.of("{}"));
        assertEquals(List.of(new AttachmentWords.Line("An attachment Inbox Sync cannot read", null)), AttachmentWords.of("{oops"));
    }
}
