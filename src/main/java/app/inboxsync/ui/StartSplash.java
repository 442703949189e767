package app.inboxsync.ui;

import java.awt.SplashScreen;
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

    /** Set ({@code -Dinboxsync.splash=true}) beside {@code -splash:}, which the Java launcher takes for itself. */
    public static final String PROPERTY = "inboxsync.splash";

    /** Whether this platform gets a start picture: not macOS, where it and JavaFX both want the main thread. */
    public static boolean supported() {
        return !System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("mac");
    }

    /** Whether this JVM was started with a start picture (then AWT's splash code is worth loading). */
    static boolean asked() {
        return Boolean.getBoolean(PROPERTY) && supported();
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
