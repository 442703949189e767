package app.inboxsync.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;

/** The peak heap use since {@link #reset()} (after a GC, so the previous scenario's garbage does not count). */
final class HeapPeak {
    private final List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();

    HeapPeak reset() {
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        return this;
    }

    long megabytes() {
        return heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }
}
