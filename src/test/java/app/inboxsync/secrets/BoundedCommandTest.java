package app.inboxsync.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Real processes: the tool's input and output go through pipes, and no process can make us wait past the limit. */
class BoundedCommandTest {

    @Test
    void theToolReadsItsInputAndItsOutputComesBack() throws Exception {
        BoundedCommand.Outcome done = BoundedCommand.run(List.of("cat"), Map.of(), "a token on stdin", Duration.ofSeconds(20));

        assertEquals(new BoundedCommand.Outcome(0, "a token on stdin", "", false), done);
    }

    /** Like gnome-keyring-daemon: the tool exits at once, the child it leaves behind keeps our pipe open. */
    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aChildThatKeepsThePipeOpenDoesNotHoldTheAnswer() throws Exception {
        BoundedCommand.Outcome done = BoundedCommand.run(List.of("sh", "-c", "sleep 30 & echo started"), Map.of(), null,
                Duration.ofSeconds(60));

        assertEquals(0, done.exit());
        assertEquals("started\n", done.output());
        assertFalse(done.timedOut());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aToolThatNeverAnswersIsKilledAtTheLimitAndSaysSo() throws Exception {
        BoundedCommand.Outcome done = BoundedCommand.run(List.of("sh", "-c", "echo waiting for a prompt; sleep 121; echo never"), Map.of(),
                null, Duration.ofSeconds(1));

        assertTrue(done.timedOut());
        assertEquals(-1, done.exit());
        assertEquals("waiting for a prompt\n", done.output(), "what it printed before it hung is kept");
        assertEquals("sh did not answer in 1 s", done.error());
        assertTrue(ProcessHandle.allProcesses().noneMatch(p -> p.isAlive() && p.info().commandLine().orElse("").equals("sleep 121")),
                "the tool and what it started are gone");
    }
}
