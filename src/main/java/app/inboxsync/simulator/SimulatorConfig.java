package app.inboxsync.simulator;

import java.time.Duration;
import java.util.Objects;

/**
 * What world the simulator generates and how its server behaves. Everything generated is a pure
 * function of {@code seed}, so two simulators with the same config serve the same data.
 *
 * @param longConversationShare share of conversations with more than 100 messages (they need paging)
 * @param hugeConversationShare share of conversations with more than 1,000 messages (a few on a real Page)
 * @param callsPerSecondPerPage per-Page rate limit; 0 disables it
 * @param port 0 picks any free port
 */
public record SimulatorConfig(long seed, int pages, int conversationsPerPage, double averageMessages,
        double longConversationShare, Duration latency, double callsPerSecondPerPage, int port,
        double hugeConversationShare) {

    public SimulatorConfig {
        Objects.requireNonNull(latency, "latency (use Duration.ZERO for none)");
        if (pages < 1 || pages > 1000) {
            throw new IllegalArgumentException("pages must be 1..1000, was " + pages);
        }
        if (conversationsPerPage < 0 || conversationsPerPage > 1_000_000) {
            throw new IllegalArgumentException("conversationsPerPage must be 0..1000000, was " + conversationsPerPage);
        }
        if (!(averageMessages >= 1) || averageMessages > 10_000) {
            throw new IllegalArgumentException("averageMessages must be 1..10000, was " + averageMessages);
        }
        if (!(longConversationShare >= 0 && longConversationShare <= 1)) {
            throw new IllegalArgumentException("longConversationShare must be 0..1, was " + longConversationShare);
        }
        if (!(hugeConversationShare >= 0 && hugeConversationShare <= 1)) {
            throw new IllegalArgumentException("hugeConversationShare must be 0..1, was " + hugeConversationShare);
        }
        if (latency.isNegative()) {
            throw new IllegalArgumentException("latency must not be negative, was " + latency);
        }
        if (!(callsPerSecondPerPage >= 0)) {
            throw new IllegalArgumentException("callsPerSecondPerPage must be >= 0 (0 = no limit), was " + callsPerSecondPerPage);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535 (0 = any free port), was " + port);
        }
    }

    public SimulatorConfig(long seed, int pages, int conversationsPerPage, double averageMessages,
                           double longConversationShare, Duration latency, double callsPerSecondPerPage, int port) {
        this(seed, pages, conversationsPerPage, averageMessages, longConversationShare, latency, callsPerSecondPerPage,
                port, 0);
    }

    /** A small, fast world for tests and demos: 2 pages x 60 conversations, no latency, no rate limit. */
    public static SimulatorConfig small(long seed) {
        return new SimulatorConfig(seed, 2, 60, 8, 0.10, Duration.ZERO, 0, 0);
    }

    public SimulatorConfig withPages(int n) {
        return new SimulatorConfig(seed, n, conversationsPerPage, averageMessages, longConversationShare, latency, callsPerSecondPerPage, port, hugeConversationShare);
    }

    public SimulatorConfig withConversations(int n) {
        return new SimulatorConfig(seed, pages, n, averageMessages, longConversationShare, latency, callsPerSecondPerPage, port, hugeConversationShare);
    }

    public SimulatorConfig withLatency(Duration d) {
        return new SimulatorConfig(seed, pages, conversationsPerPage, averageMessages, longConversationShare, d, callsPerSecondPerPage, port, hugeConversationShare);
    }

    public SimulatorConfig withRate(double callsPerSecond) {
        return new SimulatorConfig(seed, pages, conversationsPerPage, averageMessages, longConversationShare, latency, callsPerSecond, port, hugeConversationShare);
    }

    public SimulatorConfig withPort(int p) {
        return new SimulatorConfig(seed, pages, conversationsPerPage, averageMessages, longConversationShare, latency, callsPerSecondPerPage, p, hugeConversationShare);
    }

    public SimulatorConfig withAverageMessages(double avg) {
        return new SimulatorConfig(seed, pages, conversationsPerPage, avg, longConversationShare, latency, callsPerSecondPerPage, port, hugeConversationShare);
    }

    /** A share of conversations runs past 1,000 messages (1,001..3,000), beside the long ones. */
    public SimulatorConfig withHugeShare(double share) {
        return new SimulatorConfig(seed, pages, conversationsPerPage, averageMessages, longConversationShare, latency,
                callsPerSecondPerPage, port, share);
    }

    public SimulatorConfig withLongShare(double share) {
        return new SimulatorConfig(seed, pages, conversationsPerPage, averageMessages, share, latency, callsPerSecondPerPage, port, hugeConversationShare);
    }
}
