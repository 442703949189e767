package app.inboxsync.ui;

import java.lang.management.ManagementFactory;
import javafx.scene.Scene;

/**
 * How long the window took to come up, from the JVM's start: printed to the error stream when the system property
 * {@code inboxsync.startTimes} is true ({@code java -Dinboxsync.startTimes=true -jar inbox-sync.jar}), else
 * nothing. "first frame": the first pulse that drew the window; "usable": the first pulse after the main window
 * (welcome view or the Pages) replaced the "Opening the database…" message.
 */
final class StartTimes {
    private static final boolean ON = Boolean.getBoolean("inboxsync.startTimes");

    private StartTimes() {
    }

    /** Prints {@code what} with the time since the JVM started, once the scene has drawn its next frame. */
    static void atNextFrame(Scene scene, String what) {
        if (!ON || scene == null) {
            return;
        }
        NextFrame.then(scene, () -> mark(what));
    }

    static void mark(String what) {
        if (ON) {
            long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.println("start: " + what + " " + ms + " ms after the JVM started");
        }
    }
}
