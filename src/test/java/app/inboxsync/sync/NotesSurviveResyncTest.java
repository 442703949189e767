package app.inboxsync.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.simulator.SimConversation;
import app.inboxsync.simulator.SimPage;
import app.inboxsync.simulator.SimulatorConfig;
import app.inboxsync.store.read.ContactQueries;
import app.inboxsync.store.read.ConversationBrowseQueries;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationNotes;
import app.inboxsync.read.ConversationSort;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Notes are the admins' data: a sync that rewrites the conversation, incremental or full, leaves them; the search finds them. */
class NotesSurviveResyncTest {

    @Test
    void notesSurviveIncrementalAndFullSyncsAndTheSearchFindsThem() throws Exception {
        try (SyncFixture f = new SyncFixture(SimulatorConfig.small(43).withPages(1).withConversations(30))) {
            SimPage page = f.page(0);
            assertTrue(f.sync(page).succeeded());
            List<SimConversation> all = f.sim.conversations(page.id());
            String changed = all.get(4).id();
            ConversationNotes notes = new app.inboxsync.store.read.NotesQueries(f.db);
            String note = "Prefers pickup on Saturdays; allergic to hazelnuts 🌰";
            assertTrue(notes.save(changed, note));
            assertEquals(false, notes.save(changed, note), "the same notes again change nothing");

            f.sim.addMessage(changed, true, "is my cake ready?");
            SyncResult incremental = f.sync(page);
            assertTrue(incremental.succeeded());
            assertEquals(1, incremental.counts().conversationsUpdated(), "the conversation with notes was rewritten");
            assertTrue(f.service.sync(f.request(page, true), SyncListener.NONE, new CancelSignal()).succeeded());

            assertEquals(note, new ContactQueries(f.db).facts(changed).orElseThrow().notes());
            ConversationBrowseQueries browse = new ConversationBrowseQueries(f.db);
            assertEquals(List.of(changed), browse.window(ConversationFilter.page(page.id()).withSearch("HAZEL saturd"),
                    ConversationSort.NEWEST_FIRST, 0, 10).stream().map(r -> r.conversationId()).toList(),
                    "words of the notes are found, as words of messages are");
            assertEquals(1, browse.firstWindow(ConversationFilter.page(page.id()).withSearch("hazelnuts"),
                    ConversationSort.NEWEST_FIRST, 10).count());
            // the export carries them: JSON per conversation, CSV on each of its messages' rows
            java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("notes-export");
            var export = new app.inboxsync.export.PageExport(new app.inboxsync.store.read.ConversationQueries(f.db));
            export.export(ConversationFilter.page(page.id()), app.inboxsync.export.ExportFormat.JSON, dir.resolve("a.json"));
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(dir.resolve("a.json").toFile());
            boolean inJson = false;
            for (var c : json.path("conversations")) {
                inJson |= c.path("conversation_id").asText().equals(changed) && c.path("notes").asText().equals(note);
            }
            assertTrue(inJson, "the JSON export has the note");
            export.export(ConversationFilter.page(page.id()), app.inboxsync.export.ExportFormat.CSV, dir.resolve("a.csv"));
            String csv = java.nio.file.Files.readString(dir.resolve("a.csv"));
            assertTrue(csv.lines().findFirst().orElseThrow().endsWith("\"tags\",\"notes\""), csv.lines().findFirst().orElseThrow());
            assertTrue(csv.contains(note), "the CSV export has the note");
            notes.save(changed, "   ");
            assertEquals(null, new ContactQueries(f.db).facts(changed).orElseThrow().notes(), "blank clears them");
            assertEquals(0, browse.count(ConversationFilter.page(page.id()).withSearch("hazelnuts")));
            f.assertStoredEqualsSimulator(page);
        }
    }
}
