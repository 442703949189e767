package app.inboxsync.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.inboxsync.ui.settings.DesktopSettings;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The database opened while JavaFX starts: taken once by the window, or closed when the app ends without it. */
class EarlyOpeningTest {
    private static final DesktopSettings SAVED = DesktopSettings.DEFAULTS;

    /** Stands in for the desktop session: counts its closes. */
    private static final class Session implements AutoCloseable {
        final AtomicInteger closes = new AtomicInteger();

        @Override
        public void close() {
            closes.incrementAndGet();
        }
    }

    @Test
    void theWindowTakesTheSessionOnceAndItIsNotClosedAtTheEnd() throws Exception {
        Session opened = new Session();
        EarlyOpening<Session> early = EarlyOpening.start(SAVED, () -> opened);

        assertSame(opened, early.take(SAVED).orElseThrow().call());
        assertTrue(early.take(SAVED).isEmpty(), "a second opening (leaving the demo) opens its own session");
        early.closeIfNotTaken(Duration.ofSeconds(5));
        assertEquals(0, opened.closes.get(), "the window owns it now");
    }

    @Test
    void theWindowWaitsForAnOpeningStillUnderWay() throws Exception {
        CountDownLatch serverUp = new CountDownLatch(1);
        Session opened = new Session();
        EarlyOpening<Session> early = EarlyOpening.start(SAVED, () -> {
            assertTrue(serverUp.await(10, TimeUnit.SECONDS));
            return opened;
        });
        var taking = early.take(SAVED).orElseThrow();
        serverUp.countDown();
        assertSame(opened, taking.call());
    }

    @Test
    void aFailedOpeningFailsInTheWindowWithItsOwnSentence() {
        EarlyOpening<Session> early = EarlyOpening.start(SAVED, () -> {
            throw new IllegalStateException("Could not start the embedded database in /home/x/db: disk full.");
        });
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> early.take(SAVED).orElseThrow().call());
        assertEquals("Could not start the embedded database in /home/x/db: disk full.", failure.getMessage());
        early.closeIfNotTaken(Duration.ofSeconds(1)); // nothing to close, and no exception
    }

    @Test
    void settingsChangedMeanwhileOpenTheirOwnAndTheEarlyOneIsClosed() {
        Session opened = new Session();
        EarlyOpening<Session> early = EarlyOpening.start(SAVED, () -> opened);
        DesktopSettings other = SAVED.withTheme(SAVED.theme() == DesktopSettings.Theme.DARK
                ? DesktopSettings.Theme.LIGHT : DesktopSettings.Theme.DARK);

        assertTrue(early.take(other).isEmpty());
        early.closeIfNotTaken(Duration.ofSeconds(5));
        assertEquals(1, opened.closes.get());
    }

    @Test
    void anAppClosedBeforeTheWindowTookItClosesTheSessionOnceItHasOpened() {
        CountDownLatch serverUp = new CountDownLatch(1);
        Session opened = new Session();
        EarlyOpening<Session> early = EarlyOpening.start(SAVED, () -> {
            serverUp.await(10, TimeUnit.SECONDS);
            return opened;
        });
        new Thread(() -> {
            sleep(200);
            serverUp.countDown();
        }).start();
        early.closeIfNotTaken(Duration.ofSeconds(10));
        assertEquals(1, opened.closes.get());
        assertFalse(early.take(SAVED).isPresent(), "closed sessions are never handed out");
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
