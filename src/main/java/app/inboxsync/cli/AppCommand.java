package app.inboxsync.cli;

import app.inboxsync.app.AppConfig;
import app.inboxsync.app.AppContext;
import app.inboxsync.config.DatabaseSettings;
import app.inboxsync.domain.Secret;
import app.inboxsync.graph.GraphSettings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** A command that works on the app's database and Graph connection; holds the shared options. */
abstract class AppCommand implements Callable<Integer> {
    @Mixin
    AppOptions options;

    @Spec
    CommandLine.Model.CommandSpec spec;

    AppConfig config() {
        DatabaseSettings db = options.dbUrl == null || options.dbUrl.isBlank() ? null
                : new DatabaseSettings(options.dbUrl, options.dbUser,
                        options.dbPassword == null || options.dbPassword.isEmpty() ? null : Secret.of(options.dbPassword));
        if (!Double.isFinite(options.rate) || options.rate < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--rate (or INBOXSYNC_RATE) takes calls per second"
                    + " per Page: 0 (no limit) or a positive number such as 2 (got " + options.rate + ").");
        }
        GraphSettings graph = GraphSettings.defaults(options.graphUrl)
                .withVersion(options.graphVersion)
                .withCallsPerSecondPerPage(options.rate);
        if (options.appSecret != null && !options.appSecret.isBlank()) {
            graph = graph.withAppSecret(Secret.of(options.appSecret));
        }
        return new AppConfig(options.home(), db, graph);
    }

    AppContext open() {
        return AppContext.open(config());
    }

    /** Fails the command with one clear line (exit 3) when the Page is not added. */
    static void requirePage(AppContext app, String pageId) {
        if (app.pages().findPage(pageId).isEmpty()) {
            throw new IllegalArgumentException(notAdded(pageId));
        }
    }

    static String notAdded(String pageId) {
        return "No page " + pageId + " is added. See: inbox-sync pages list";
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
