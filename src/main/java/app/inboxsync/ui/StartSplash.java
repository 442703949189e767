package app.inboxsync.ui;

import java.awt.SplashScreen;
import java.lang.management.ManagementFactory;
import javafx.scene.Scene;

/**
 * The picture the Java launcher shows before any of our code runs ({@code -splash:}, given by the packaged app's
 * launcher, {@code ./mvnw javafx:run} and the relaunch of {@code java -jar}): JavaFX's own first frame comes a
 * second or more after the JVM starts, the splash within a few hundred milliseconds. It is closed once the
 * window has drawn its first frame ("Opening the database…"). Not on macOS, where the splash and JavaFX both
 * want the main thread.
 */
public final class StartSplash {
    private StartSplash() {
    }

    /**
     * Whether this JVM was started with a splash picture (then AWT's splash code is worth loading): {@code -splash:}
     * among its options, or the packaged app's launcher, which reads that option itself and does not pass it on.
     */
    static boolean asked() {
        return !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("mac")
                && (System.getProperty("jpackage.app-path") != null
                || ManagementFactory.getRuntimeMXBean().getInputArguments().stream().anyMatch(a -> a.startsWith("-splash:")));
    }

    static void closeAtNextFrame(Scene scene) {
        if (asked()) {
            NextFrame.then(scene, StartSplash::close);
        }
    }

    /**
     * Closes the picture at once, when one is up: the packaged app's launcher gives it to every start, the CLI's
     * too ({@code inbox-sync sync --all --watch} would keep it on screen for hours).
     */
    public static void closeNow() {
        if (asked()) {
            close();
        }
    }

    private static void close() {
        try {
            SplashScreen splash = SplashScreen.getSplashScreen();
            if (splash != null) {
                splash.close();
            }
        } catch (RuntimeException | LinkageError noSplash) {
            // headless, or a runtime without AWT's splash library: there is nothing on screen to close
        }
    }
}
