package app.inboxsync.cli;

import app.inboxsync.bench.BenchCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root command: {@code inbox-sync <command> [options]}. */
// INHERIT: every subcommand, however deep, takes -h/--help (and -V) too
@Command(name = "inbox-sync", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "Inbox Sync 0.1.0",
        description = "Copies the Messenger conversations of your Facebook Pages into PostgreSQL and keeps them current.",
        subcommands = {PagesCommand.class, SyncCommand.class, ResetCommand.class, ConversationsCommand.class,
                ExportCommand.class, MediaCommand.class, RunsCommand.class, DemoServerCommand.class, DemoCommand.class,
                BenchCommand.class, DesktopCommand.class, NestedHelp.class})
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
        // A usage mistake gets one line, the command's usage line and a pointer to its help, not the option list.
        cli.setParameterExceptionHandler((e, args) -> {
            CommandLine failed = e.getCommandLine();
            String message = e.getMessage().startsWith("Error: ") ? e.getMessage().substring(7) : e.getMessage();
            if (message.startsWith("Missing required subcommand")) {
                message = failed.getCommandSpec().qualifiedName() + " needs a command: "
                        + String.join(", ", failed.getSubcommands().keySet()) + ".";
            }
            failed.getErr().println("Error: " + message.strip().lines().findFirst().orElse(message));
            failed.getErr().println(usageLine(failed.getCommandSpec()));
            failed.getErr().flush();
            return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        return cli;
    }

    /**
     * One line: what the command cannot do without, and where its options are explained, e.g.
     * {@code Usage: inbox-sync sync [OPTIONS] (--page=PAGE_ID | --all) · all options: inbox-sync sync --help}.
     * (picocli's full synopsis lists every option and wraps over six lines.)
     */
    static String usageLine(CommandLine.Model.CommandSpec spec) {
        StringBuilder line = new StringBuilder("Usage: ").append(spec.qualifiedName()).append(" [OPTIONS]");
        for (CommandLine.Model.OptionSpec option : spec.options()) {
            if (option.required() && option.group() == null) {
                line.append(' ').append(option.longestName())
                        .append(option.arity().max() > 0 ? "=" + option.paramLabel() : "");
            }
        }
        for (CommandLine.Model.ArgGroupSpec group : spec.argGroups()) {
            if (group.multiplicity().min() > 0) {
                line.append(' ').append(group.synopsis());
            }
        }
        for (CommandLine.Model.PositionalParamSpec parameter : spec.positionalParameters()) {
            line.append(' ').append(parameter.arity().min() > 0 ? parameter.paramLabel() : "[" + parameter.paramLabel() + "]");
        }
        if (!spec.subcommands().isEmpty()) {
            line.append(" COMMAND");
        }
        return line.append(" · all options: ").append(spec.qualifiedName()).append(" --help").toString();
    }
}
