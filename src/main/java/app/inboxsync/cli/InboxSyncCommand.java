package app.inboxsync.cli;

import app.inboxsync.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: {@code inbox-sync <command> [options]}. */
@Command(name = "inbox-sync", mixinStandardHelpOptions = true, version = "Inbox Sync 0.1.0",
        description = "Copies the Messenger conversations of your Facebook Pages into PostgreSQL and keeps them current.",
        subcommands = {PagesCommand.class, SyncCommand.class, ResetCommand.class, ConversationsCommand.class,
                ExportCommand.class, RunsCommand.class, DemoServerCommand.class, DemoCommand.class,
                BenchCommand.class, DesktopCommand.class, CommandLine.HelpCommand.class})
public final class InboxSyncCommand implements Runnable {
    /** Exit code for "a page failed to sync". */
    public static final int PAGE_FAILED = 1;
    /** Exit code for "could not even start": database unreachable, bad configuration, bad token. */
    public static final int CANNOT_RUN = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    public static CommandLine newCommandLine() {
        CommandLine cli = new CommandLine(new InboxSyncCommand());
        cli.setExecutionExceptionHandler(new FriendlyErrors());
        // A usage mistake gets one line and a pointer to the help, not the whole option list.
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            String message = e.getMessage().startsWith("Error: ") ? e.getMessage().substring(7) : e.getMessage();
            failed.getErr().println("Error: " + message);
            failed.getErr().println("See: " + failed.getCommandSpec().qualifiedName() + " --help");
            failed.getErr().flush();
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }
}
