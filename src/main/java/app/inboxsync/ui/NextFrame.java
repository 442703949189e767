package app.inboxsync.ui;

import javafx.scene.Scene;

/** Runs something once, after the scene's next pulse has laid it out (so the frame it is about is being drawn). */
final class NextFrame {
    private NextFrame() {
    }

    static void then(Scene scene, Runnable action) {
        Runnable[] once = new Runnable[1];
        once[0] = () -> {
            scene.removePostLayoutPulseListener(once[0]);
            action.run();
        };
        scene.addPostLayoutPulseListener(once[0]);
    }
}
