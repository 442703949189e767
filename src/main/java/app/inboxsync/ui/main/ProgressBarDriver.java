package app.inboxsync.ui.main;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.Node;
import javafx.scene.control.ProgressBar;
import javafx.util.Duration;

/**
 * Shows a sync's progress on a {@link ProgressBar}; when the total is unknown (a first full sync), a segment
 * sweeps to and fro instead. JavaFX's own indeterminate bar animates at 60 frames a second for as long as the
 * sync runs; with software rendering (no GPU: virtual machines, remote desktops, Xvfb) every frame repaints and
 * uploads the whole window, which cost the render thread about a quarter of a core during a fast 20,000
 * conversation sync. This sweep moves 10 times a second, the rate the rest of the window updates at.
 */
final class ProgressBarDriver {
    private static final double SEGMENT = 0.25;
    private static final double STEPS_PER_SWEEP = 16;
    private final ProgressBar bar;
    private final Timeline sweep;
    private int step;

    ProgressBarDriver(ProgressBar bar) {
        this.bar = bar;
        this.sweep = new Timeline(new KeyFrame(Duration.millis(100), e -> step()));
        sweep.setCycleCount(Timeline.INDEFINITE);
    }

    /** @param fraction 0..1, or negative when the total is unknown */
    void show(double fraction) {
        if (fraction >= 0) {
            sweep.stop();
            place(0);
            bar.setProgress(fraction);
        } else if (sweep.getStatus() != Timeline.Status.RUNNING) {
            bar.setProgress(SEGMENT);
            step = 0;
            place(0);
            sweep.play();
        }
    }

    private void step() {
        step = (step + 1) % (int) (2 * STEPS_PER_SWEEP);
        // there and back again: 0 → 1 → 0
        double across = step <= STEPS_PER_SWEEP ? step / STEPS_PER_SWEEP : 2 - step / STEPS_PER_SWEEP;
        place(across);
    }

    private void place(double across) {
        Node fill = bar.lookup(".bar");
        if (fill != null) {
            fill.setTranslateX(across * bar.getWidth() * (1 - SEGMENT));
        }
    }

    void stop() {
        sweep.stop();
    }
}
