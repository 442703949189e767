package app.inboxsync.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C (SIGINT) and SIGTERM during a sync ask it to stop at the next safe point instead of shutting the JVM
 * down at once: with plain shutdown hooks the embedded database stops in parallel, and the run could not be
 * recorded as cancelled. A second signal stops at once (exit code 130).
 */
final class Interrupts implements AutoCloseable {
    /** Exit code of a command stopped by Ctrl-C, as shells expect. */
    static final int EXIT_CODE = 130;
    private final List<Signal> signals = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private final AtomicInteger received = new AtomicInteger();

    private Interrupts() {
    }

    static Interrupts onFirst(Runnable stopGracefully) {
        Interrupts interrupts = new Interrupts();
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal signal = new Signal(name);
                SignalHandler old = Signal.handle(signal, s -> {
                    if (interrupts.received.incrementAndGet() == 1) {
                        stopGracefully.run();
                    } else {
                        Runtime.getRuntime().halt(EXIT_CODE);
                    }
                });
                interrupts.signals.add(signal);
                interrupts.previous.add(old);
            } catch (IllegalArgumentException unsupported) {
                // this platform has no such signal (Windows has no TERM): the JVM's default applies
            }
        }
        return interrupts;
    }

    boolean received() {
        return received.get() > 0;
    }

    @Override
    public void close() {
        for (int i = 0; i < signals.size(); i++) {
            Signal.handle(signals.get(i), previous.get(i));
        }
    }
}
