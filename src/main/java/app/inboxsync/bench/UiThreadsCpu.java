package app.inboxsync.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * CPU time of the FX thread and of the render thread (QuantumRenderer) since creation: unlike pulse gaps, it
 * hardly depends on what else the machine runs, so it is the number to compare before and after a UI change.
 */
final class UiThreadsCpu {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final long fxId;
    private final long renderId;
    private final long fxStart;
    private final long renderStart;

    UiThreadsCpu(Thread fx) {
        this.fxId = fx.getId();
        this.renderId = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("QuantumRenderer")).mapToLong(Thread::getId).findFirst().orElse(-1);
        this.fxStart = cpu(fxId);
        this.renderStart = cpu(renderId);
    }

    private long cpu(long id) {
        return id < 0 ? 0 : Math.max(0, threads.getThreadCpuTime(id));
    }

    double fxMs() {
        return (cpu(fxId) - fxStart) / 1e6;
    }

    double renderMs() {
        return (cpu(renderId) - renderStart) / 1e6;
    }
}
