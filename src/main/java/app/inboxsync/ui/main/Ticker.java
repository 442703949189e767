package app.inboxsync.ui.main;

import java.time.Duration;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;

/** Runs a task again and again, {@code period} apart, until stopped: the FX animation clock in the window, by hand in tests. */
@FunctionalInterface
public interface Ticker {
    Ticking every(Duration period, Runnable tick);

    @FunctionalInterface
    interface Ticking {
        void stop();
    }

    /** On the FX thread's animation clock. */
    static Ticker fx() {
        return (period, tick) -> {
            Timeline timeline = new Timeline(new KeyFrame(javafx.util.Duration.millis(period.toMillis()), e -> tick.run()));
            timeline.setCycleCount(Timeline.INDEFINITE);
            timeline.play();
            return timeline::stop;
        };
    }
}
