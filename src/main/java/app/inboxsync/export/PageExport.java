package app.inboxsync.export;

import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationStream;
import app.inboxsync.read.MessageRow;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes a Page's local copy to a file, streaming (a big Page never sits in memory), into a temporary file
 * that replaces the target only when complete: an interrupted export never leaves half a file behind.
 */
public final class PageExport {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final ConversationStream queries;
    /** Copies the stored attachment files beside the export, or null for links only. */
    private final MediaCopy media;

    public PageExport(ConversationStream queries) {
        this(queries, null);
    }

    public PageExport(ConversationStream queries, MediaCopy media) {
        this.queries = queries;
        this.media = media;
    }

    /** How much an export wrote. */
    public record Written(long conversations, long messages) { }

    /** The conversations a browser filter shows (several Pages, a search, a tag…), with all their messages. */
    public Written export(ConversationFilter filter, ExportFormat format, Path target) {
        Path absolute = target.toAbsolutePath();
        Path tmp = absolute.resolveSibling(absolute.getFileName() + ".part");
        long[] counts = new long[2]; // {conversations, messages}, counted by the streaming callbacks
        try {
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            if (media != null) {
                media.exportingTo(absolute);
            }
            try (OutputStream out = Files.newOutputStream(tmp)) {
                if (format == ExportFormat.CSV) {
                    writeCsv(filter, out, counts);
                } else {
                    writeJson(filter, out, counts);
                }
            }
            Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            return new Written(counts[0], counts[1]);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + absolute + ": " + e.getMessage(), e);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
        }
    }

    private void writeCsv(ConversationFilter filter, OutputStream raw, long[] counts) throws IOException {
        BufferedWriter w = new BufferedWriter(new java.io.OutputStreamWriter(raw, StandardCharsets.UTF_8));
        w.write('\ufeff'); // spreadsheets need the BOM to read UTF-8 (emoji, RTL) correctly
        List<String> header = new ArrayList<>(List.of("page_id", "conversation_id", "sender_id", "sender_name", "folder",
                "message_id", "created_time", "from_id", "from_name", "is_from_page", "text", "attachments",
                "tags", "notes")); // the admins' own data, the conversation's, on each of its messages' rows
        if (media != null) {
            header.add("media_files"); // per attachment, in order: the copied file's relative path, or why there is none
        }
        Csv.row(w, header);
        queries.forEachConversation(filter, (c, messages) -> {
            counts[0]++;
            try {
                Map<String, List<MediaCopy.Reference>> refs = media == null ? Map.of() : media.references(messages);
                for (MessageRow m : messages) {
                    counts[1]++;
                    List<String> row = new ArrayList<>(List.of(c.pageId(), c.conversationId(), c.senderId(),
                            nz(c.senderName()), folder(c), m.messageId(), m.createdTime().toString(), nz(m.fromId()),
                            nz(m.fromName()), String.valueOf(m.fromPage()), nz(m.text()), nz(m.attachmentsJson()),
                            String.join(", ", c.tags()), nz(c.notes())));
                    if (media != null) {
                        row.add(String.join(" | ", refs.getOrDefault(m.messageId(), List.of()).stream()
                                .map(MediaCopy.Reference::cell).toList()));
                    }
                    Csv.row(w, row);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        w.flush();
    }

    private void writeJson(ConversationFilter filter, OutputStream out, long[] counts) throws IOException {
        try (JsonGenerator g = new JsonFactory(JSON).createGenerator(out, JsonEncoding.UTF8)) {
            g.useDefaultPrettyPrinter();
            g.writeStartObject();
            g.writeStringField("page_id", filter.pageId());
            g.writeArrayFieldStart("conversations");
            queries.forEachConversation(filter, (c, messages) -> {
                counts[0]++;
                counts[1] += messages.size();
                try {
                    writeConversation(g, c, messages, media == null ? null : media.references(messages));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** @param refs per message, the copied files (null when the export carries links only) */
    private static void writeConversation(JsonGenerator g, ConversationRow c, List<MessageRow> messages,
            Map<String, List<MediaCopy.Reference>> refs) throws IOException {
        g.writeStartObject();
        g.writeStringField("page_id", c.pageId());
        g.writeStringField("conversation_id", c.conversationId());
        g.writeStringField("sender_id", c.senderId());
        g.writeStringField("sender_name", c.senderName());
        g.writeStringField("folder", folder(c));
        g.writeStringField("last_message_time", c.lastMessageTime() == null ? null : c.lastMessageTime().toString());
        if (c.messageCount() == null) {
            g.writeNullField("message_count"); // this Graph version gives no count: unknown, not 0
        } else {
            g.writeNumberField("message_count", c.messageCount());
        }
        g.writeStringField("missing_since", c.missingSince() == null ? null : c.missingSince().toString());
        g.writeArrayFieldStart("tags");
        for (String t : c.tags()) {
            g.writeString(t);
        }
        g.writeEndArray();
        g.writeStringField("notes", c.notes());
        g.writeArrayFieldStart("messages");
        for (MessageRow m : messages) {
            g.writeStartObject();
            g.writeStringField("message_id", m.messageId());
            g.writeStringField("created_time", m.createdTime().toString());
            g.writeStringField("from_id", m.fromId());
            g.writeStringField("from_name", m.fromName());
            g.writeBooleanField("is_from_page", m.fromPage());
            g.writeStringField("text", m.text());
            if (m.attachmentsJson() != null) {
                g.writeFieldName("attachments");
                g.writeTree(JSON.readTree(m.attachmentsJson()));
            }
            List<MediaCopy.Reference> files = refs == null ? null : refs.get(m.messageId());
            if (files != null) {
                g.writeArrayFieldStart("media");
                for (MediaCopy.Reference r : files) {
                    g.writeStartObject();
                    g.writeNumberField("index", r.index());
                    g.writeStringField("kind", r.kind());
                    g.writeStringField("status", r.status());
                    g.writeStringField("file", r.file());
                    g.writeEndObject();
                }
                g.writeEndArray();
            }
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static String folder(ConversationRow c) {
        return c.folder() == null ? "" : c.folder().wireName();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
