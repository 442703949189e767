package app.inboxsync.sync;

import static app.inboxsync.sync.ScriptedGraph.PAGE;
import static app.inboxsync.sync.ScriptedGraph.message;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.domain.Folder;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The writer thread: one write in flight, failures surface at the next hand-over, its thread ends on close. */
class BackgroundWriterTest {
    private static final Instant T = Instant.parse("2026-02-01T10:00:00Z");
    private final MemoryStore store = new MemoryStore(new PageState(PAGE, "Shop", null, Folder.ALL, 0));

    @Test
    void aWriteInFlightIsNotIdleAndAWaitSeesItDone() {
        store.writeMillis = 300;
        AtomicInteger done = new AtomicInteger();
        try (BackgroundWriter writer = new BackgroundWriter(store, PAGE)) {
            assertTrue(writer.idle());
            writer.submit(List.of(), List.of(message("t_1", "m_1", T)), w -> done.addAndGet(w.messagesInserted()));
            assertFalse(writer.idle(), "the write takes 300 ms");
            writer.awaitWrites();
            assertTrue(writer.idle());
            assertEquals(1, done.get());
        }
    }

    @Test
    void aFailedWriteStopsTheNextHandOver() {
        store.writesThatSucceed = 0;
        try (BackgroundWriter writer = new BackgroundWriter(store, PAGE)) {
            writer.submit(List.of(), List.of(message("t_1", "m_1", T)), w -> { });
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> writer.submit(List.of(), List.of(message("t_1", "m_2", T)), w -> { }));
            assertEquals("The database refused the write.", e.getMessage());
        }
    }

    @Test
    void anInterruptedWaitIsACancelAndKeepsTheInterrupt() {
        store.writeMillis = 2_000;
        try (BackgroundWriter writer = new BackgroundWriter(store, PAGE)) {
            writer.submit(List.of(), List.of(message("t_1", "m_1", T)), w -> { });
            Thread.currentThread().interrupt();
            assertThrows(CancelSignal.SyncCancelledException.class, writer::awaitWrites);
            assertTrue(Thread.interrupted(), "the interrupt is kept for the caller (and cleared here)");
        }
    }

    @Test
    void closingEndsTheWritersThreadAfterTheWriteInFlight() throws Exception {
        store.writeMillis = 200;
        String name = "sync-writer-" + PAGE;
        BackgroundWriter writer = new BackgroundWriter(store, PAGE);
        writer.submit(List.of(), List.of(message("t_1", "m_1", T)), w -> { });
        writer.close();
        assertEquals(1, store.messages.size(), "the write in flight finished");
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (alive(name) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertFalse(alive(name), "the writer's thread ended");
    }

    private static boolean alive(String name) {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().startsWith(name) && t.isAlive());
    }
}
