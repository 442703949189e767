package app.inboxsync.app;

import app.inboxsync.config.DatabaseSettings;
import app.inboxsync.graph.GraphSettings;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Validated configuration.
 *
 * @param database null means "use the embedded PostgreSQL under home"
 */
public record AppConfig(Path home, DatabaseSettings database, GraphSettings graph) {
    public AppConfig {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(graph, "graph");
    }
}
