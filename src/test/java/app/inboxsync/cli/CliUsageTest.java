package app.inboxsync.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;

/**
 * The CLI's usage, parsed in this JVM by the same picocli set-up the jar uses: help on every command, however
 * deep; usage mistakes as one line, the usage line and exit code 2, before any database or network is touched.
 */
class CliUsageTest {

    record Run(int exit, String out, String err) {
    }

    private static Run run(String... args) {
        CommandLine cli = InboxSyncCommand.newCommandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    /** Every command and subcommand by its path of names: "sync", "pages add", "conversations list"… */
    private static List<List<String>> allCommands(CommandLine cli, List<String> path) {
        List<List<String>> all = new ArrayList<>();
        for (Map.Entry<String, CommandLine> sub : cli.getSubcommands().entrySet()) {
            List<String> named = new ArrayList<>(path);
            named.add(sub.getKey());
            all.add(named);
            all.addAll(allCommands(sub.getValue(), named));
        }
        return all;
    }

    @Test
    void everyCommandAndSubcommandPrintsItsOwnHelp() {
        List<List<String>> commands = allCommands(InboxSyncCommand.newCommandLine(), List.of());
        assertTrue(commands.size() >= 15, "the whole tree: " + commands);
        for (List<String> command : commands) {
            for (String flag : List.of("--help", "-h")) {
                List<String> args = new ArrayList<>(command);
                args.add(flag);
                Run r = run(args.toArray(String[]::new));
                String name = "inbox-sync " + String.join(" ", command);
                assertEquals(0, r.exit(), name + " " + flag + ": " + r.err());
                assertTrue(r.out().startsWith("Usage: " + name + " "), name + " " + flag + " prints its own usage: " + r.out());
                assertEquals("", r.err(), name);
            }
        }
    }

    @Test
    void helpFollowsTheNamesToTheCommandAsked() {
        Run r = run("help", "conversations", "list");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("Usage: inbox-sync conversations list "), r.out());
        assertTrue(r.out().contains("--limit"), "the option a user looks for is there: " + r.out());

        Run pagesAdd = run("help", "pages", "add");
        assertTrue(pagesAdd.out().startsWith("Usage: inbox-sync pages add "), pagesAdd.out());

        Run unknown = run("help", "conversations", "show");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().startsWith("Error: Unknown command: 'conversations show'. The commands of conversations are: list."),
                unknown.err());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "sync --all --watch 99999999999999999999s",
            "sync --all --watch 9223372036854775807h",
            "sync --all --watch 9223372036854775807s",
            "sync --all --watch 25h",
            "sync --all --watch 5s",
            "sync --all --watch 5x",
            "sync --all --watch 1h30",
            "sync --all --parallel 0",
            "sync --all --parallel -3",
            "sync --all --parallel 1000",
            "sync --all --parallel 99999999999",
            "sync --all --rate NaN",
            "sync --all --rate Infinity",
            "sync --all --rate -1",
            "sync --all --rate fast",
            "pages list --rate NaN",
            "conversations list --page 1 --limit 0",
            "conversations list --page 1 --limit 99999999999",
            "demo-server --sim-rate x",
            "pages",
            "sync",
    })
    void aBadNumberOrAMissingPartIsAUsageErrorWithOneLineAndTheUsageLine(String line) {
        Run r = run(line.split(" "));
        assertEquals(2, r.exit(), line + ": " + r.err());
        List<String> lines = r.err().strip().lines().toList();
        assertEquals(2, lines.size(), "one line and the usage line: " + r.err());
        assertTrue(lines.get(0).startsWith("Error: "), r.err());
        String command = "inbox-sync " + line.split(" --")[0].replace(" 1", "");
        assertTrue(lines.get(1).startsWith("Usage: " + command.strip() + " "), "the usage line of the command: " + r.err());
        assertTrue(lines.get(1).endsWith(" · all options: " + command.strip() + " --help"), r.err());
        for (String leak : List.of("For input string", "overflow", "Exception", "\tat ")) {
            assertFalse(r.err().contains(leak), "no Java words: " + r.err());
        }
        assertEquals("", r.out());
    }

    @Test
    void theUsageLineNamesWhatTheCommandCannotDoWithout() {
        assertTrue(run("sync").err().contains("Usage: inbox-sync sync [OPTIONS] (--page=PAGE_ID | --all)"));
        assertTrue(run("pages", "folders", "1").err().contains("Usage: inbox-sync pages folders [OPTIONS] PAGE_ID LIST"));
        assertTrue(run("pages").err().startsWith("Error: inbox-sync pages needs a command: add, import, list, remove, folders."),
                run("pages").err());
    }

    @Test
    void watchTakesFromTenSecondsToADay() {
        CommandLine cli = InboxSyncCommand.newCommandLine();
        assertEquals(Duration.ofMinutes(90), WatchInterval.parse("1h30m", cli));
        assertEquals(Duration.ofSeconds(30), WatchInterval.parse("000000000000000030s", cli));
        assertEquals(Duration.ofHours(24), WatchInterval.parse("24h", cli));
        assertEquals(Duration.ofSeconds(10), WatchInterval.parse("10s", cli));
        for (String bad : List.of("9s", "24h1s", "1441m", "0s", "", "m", "5m5")) {
            try {
                WatchInterval.parse(bad, cli);
                throw new AssertionError("accepted " + bad);
            } catch (CommandLine.ParameterException expected) {
                assertTrue(expected.getMessage().startsWith("--watch takes a duration from 10s to 24h"), expected.getMessage());
            }
        }
    }
}
