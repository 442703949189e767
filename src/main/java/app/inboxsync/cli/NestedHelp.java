package app.inboxsync.cli;

import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code inbox-sync help [COMMAND [SUBCOMMAND…]]}: the help of the command named, however deep (picocli's own
 * help command stops at the first name, so {@code help conversations list} printed the help of
 * {@code conversations}, where {@code --limit} is nowhere to be found).
 */
@Command(name = "help", helpCommand = true, description = "Print the help of a command, e.g. help conversations list.")
final class NestedHelp implements CommandLine.IHelpCommandInitializable2, Runnable {
    @Parameters(paramLabel = "COMMAND", arity = "0..*", description = "The command (and subcommand) to explain.")
    List<String> names = List.of();

    private CommandLine self;
    private PrintWriter out;
    private CommandLine.Help.ColorScheme colors;

    @Override
    public void init(CommandLine helpCommandLine, CommandLine.Help.ColorScheme colorScheme, PrintWriter outWriter,
                     PrintWriter errWriter) {
        this.self = helpCommandLine;
        this.colors = colorScheme;
        this.out = outWriter;
    }

    @Override
    public void run() {
        CommandLine shown = self.getParent();
        for (String name : names) {
            CommandLine next = shown.getSubcommands().get(name);
            if (next == null) {
                throw new CommandLine.ParameterException(self, "Unknown command: '" + String.join(" ", names)
                        + "'. The commands of " + shown.getCommandName() + " are: "
                        + String.join(", ", shown.getSubcommands().keySet()) + ".");
            }
            shown = next;
        }
        shown.usage(out, colors);
        out.flush();
    }
}
