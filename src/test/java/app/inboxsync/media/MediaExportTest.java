package app.inboxsync.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.app.MediaService;
import app.inboxsync.export.ExportFormat;
import app.inboxsync.export.MediaCopy;
import app.inboxsync.export.PageExport;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.store.read.ConversationQueries;
import app.inboxsync.sync.SyncListener;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code export --with-media}: the stored files beside the export, named from it (embedded PostgreSQL + simulator). */
class MediaExportTest {

    @TempDir
    Path home;

    @Test
    void csvAndJsonReferenceEveryStoredFileByRelativePathAndSayWhyTheOthersAreMissing() throws Exception {
        long cap = 150 * 1024;
        try (MediaFixture f = new MediaFixture(31); MediaService media = f.media(home.resolve("media"), cap, 1024 * MediaSettings.MB)) {
            f.sync(SyncListener.NONE);
            media.fetch(f.page.id(), new FetchTally());
            List<MediaFixture.Row> rows = f.rows();
            Map<String, List<MediaFixture.Row>> byMessage = rows.stream()
                    .collect(Collectors.groupingBy(MediaFixture.Row::messageId));
            assertTrue(rows.stream().anyMatch(r -> "too_large".equals(r.status())), "the cap leaves some out");
            Path out = home.resolve("export");
            Path files = out.resolve("files");

            MediaCopy csvCopy = new MediaCopy(media::attachmentsOf, media.files(), files);
            new PageExport(new ConversationQueries(f.db), csvCopy).export(ConversationFilter.page(f.page.id()),
                    ExportFormat.CSV, out.resolve("page.csv"));
            Map<String, String> cells = csvColumn(out.resolve("page.csv"), "message_id", "media_files");
            Set<String> shas = new HashSet<>();
            for (var e : byMessage.entrySet()) {
                String[] parts = cells.get(e.getKey()).split(" \\| ", -1);
                assertEquals(e.getValue().size(), parts.length, "one entry per attachment: " + cells.get(e.getKey()));
                for (MediaFixture.Row r : e.getValue()) {
                    String part = parts[r.index()];
                    if ("stored".equals(r.status())) {
                        assertTrue(part.startsWith("files/" + r.sha256() + "."), part);
                        Path copied = out.resolve(part);
                        assertEquals(r.sha256(), Sha256.of(copied), "the copy is the stored bytes");
                        shas.add(r.sha256());
                    } else {
                        assertEquals("too large to keep", part, r.toString());
                    }
                }
            }
            try (Stream<Path> listed = Files.list(files)) {
                assertEquals(shas.size(), listed.count(), "each file copied once, no leftovers");
            }
            assertEquals(shas.size(), csvCopy.filesCopied());

            MediaCopy jsonCopy = new MediaCopy(media::attachmentsOf, media.files(), files);
            new PageExport(new ConversationQueries(f.db), jsonCopy).export(ConversationFilter.page(f.page.id()),
                    ExportFormat.JSON, out.resolve("page.json"));
            JsonNode json = new ObjectMapper().readTree(out.resolve("page.json").toFile());
            int seen = 0;
            for (JsonNode c : json.get("conversations")) {
                for (JsonNode m : c.get("messages")) {
                    List<MediaFixture.Row> expected = byMessage.get(m.get("message_id").asText());
                    if (expected == null) {
                        assertTrue(m.path("media").isMissingNode());
                        continue;
                    }
                    for (MediaFixture.Row r : expected) {
                        JsonNode ref = m.get("media").get(r.index());
                        seen++;
                        assertEquals(r.kind(), ref.get("kind").asText());
                        if ("stored".equals(r.status())) {
                            assertEquals(r.sha256(), Sha256.of(out.resolve(ref.get("file").asText())));
                        } else {
                            assertEquals("too large to keep", ref.get("status").asText());
                            assertTrue(ref.get("file").isNull());
                        }
                    }
                }
            }
            assertEquals(rows.size(), seen, "every attachment is in the JSON");
        }
    }

    /** A CSV column keyed by another (the export's own quoting: fields in quotes when they hold commas, quotes or lines). */
    private static Map<String, String> csvColumn(Path csv, String key, String value) throws Exception {
        List<List<String>> records = parse(Files.readString(csv, StandardCharsets.UTF_8).replace("\ufeff", ""));
        List<String> header = records.get(0);
        int k = header.indexOf(key);
        int v = header.indexOf(value);
        Map<String, String> out = new HashMap<>();
        for (List<String> r : records.subList(1, records.size())) {
            out.put(r.get(k), r.get(v));
        }
        assertNull(out.get(null));
        return out;
    }

    private static List<List<String>> parse(String text) {
        List<List<String>> records = new java.util.ArrayList<>();
        List<String> record = new java.util.ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                record.add(field.toString());
                field.setLength(0);
            } else if (ch == '\n' || ch == '\r') {
                if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                record.add(field.toString());
                field.setLength(0);
                records.add(record);
                record = new java.util.ArrayList<>();
            } else {
                field.append(ch);
            }
        }
        if (!record.isEmpty() || field.length() > 0) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
