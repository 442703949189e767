package app.inboxsync.bench;

import java.io.PrintWriter;
import java.util.List;

/**
 * One measured scenario.
 *
 * @param boundSeconds calls ÷ rate: the fastest any client could go under the rate limit (0 when unlimited)
 * @param target       the scenario's goal in words, and {@code met} whether it was reached
 */
record BenchResult(String scenario, int calls, int minimumCalls, double wallSeconds, double boundSeconds,
                   long conversations, long messages, long peakHeapMb, String target, boolean met) {

    double ratio() {
        return boundSeconds > 0 ? wallSeconds / boundSeconds : 0;
    }

    static void printTable(List<BenchResult> results, PrintWriter out) {
        String format = "%-26s %6s %6s %8s %8s %6s %9s %10s %8s  %s%n";
        out.printf(format, "SCENARIO", "CALLS", "MIN", "WALL s", "BOUND s", "RATIO", "CONV/s", "MSG/s", "HEAP MB", "TARGET");
        for (BenchResult r : results) {
            out.printf(format, r.scenario, r.calls, r.minimumCalls > 0 ? String.valueOf(r.minimumCalls) : "-",
                    String.format("%.2f", r.wallSeconds), r.boundSeconds > 0 ? String.format("%.2f", r.boundSeconds) : "-",
                    r.boundSeconds > 0 ? String.format("%.2f", r.ratio()) : "-",
                    String.format("%.0f", r.conversations / r.wallSeconds), String.format("%.0f", r.messages / r.wallSeconds),
                    r.peakHeapMb, (r.met ? "ok   " : "MISSED ") + r.target);
        }
        out.flush();
    }
}
