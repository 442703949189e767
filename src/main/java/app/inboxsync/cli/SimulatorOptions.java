package app.inboxsync.cli;

import app.inboxsync.simulator.SimulatorConfig;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Shapes the bundled Graph simulator's world: size, latency and rate limit. */
final class SimulatorOptions {
    @Option(names = "--seed", defaultValue = "42", description = "Data seed: the same seed gives the same data and tokens.")
    long seed;

    @Option(names = "--pages", defaultValue = "3")
    int pages;

    @Option(names = "--conversations", defaultValue = "400", description = "Conversations per Page (default ${DEFAULT-VALUE}).")
    int conversations;

    @Option(names = "--average-messages", defaultValue = "20")
    double averageMessages;

    @Option(names = "--latency-ms", defaultValue = "0", description = "Latency added to every answer (default ${DEFAULT-VALUE}).")
    long latencyMs;

    @Option(names = "--sim-rate", defaultValue = "0", description = "Calls per second per Page the simulator allows; 0 = unlimited.")
    double simRate;

    SimulatorConfig config(int port) {
        return SimulatorConfig.small(seed).withPages(pages).withConversations(conversations)
                .withAverageMessages(averageMessages).withLatency(Duration.ofMillis(latencyMs)).withRate(simRate)
                .withPort(port);
    }
}
