package app.inboxsync.media;

/**
 * A cancel's interrupt of a fetch run's thread: only while the run lasts (a late cancel must not hit whatever the
 * thread does next), and taken back when the run ends, so the caller sees no interrupt it did not make.
 */
final class CallerInterrupt {
    private final Thread caller;
    private boolean running = true;
    private boolean interrupted;

    CallerInterrupt(Thread caller) {
        this.caller = caller;
    }

    synchronized void interrupt() {
        if (running && !interrupted) {
            interrupted = true;
            caller.interrupt();
        }
    }

    /** Ends the run (called on its thread); clears the interrupt it made. Whether it interrupted. */
    synchronized boolean done() {
        running = false;
        if (interrupted) {
            Thread.interrupted();
        }
        return interrupted;
    }
}
