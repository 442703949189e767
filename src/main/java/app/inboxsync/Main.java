package app.inboxsync;

import app.inboxsync.cli.InboxSyncCommand;
import app.inboxsync.ui.StartSplash;

/**
 * Entry point of the jar. Deliberately not a JavaFX {@code Application}: with JavaFX on the class path,
 * {@code java -jar} refuses to start one ("JavaFX runtime components are missing").
 */
public final class Main {
    private Main() {
    }

    /** With no command, the desktop app; with one, the CLI. */
    public static void main(String[] args) {
        String[] command = args.length == 0 ? new String[] {"app"} : args;
        boolean help = java.util.Arrays.stream(command).anyMatch(a -> a.equals("-h") || a.equals("--help") || a.equals("-V"));
        if ("app".equals(command[0]) && !help) {
            java.util.OptionalInt ended = ModularJavaFx.runOnTheModulePath(command);
            if (ended.isPresent()) {
                System.exit(ended.getAsInt());
            }
        }
        if (!"app".equals(command[0]) || help) {
            StartSplash.closeNow(); // the CLI shows no window: no start picture either
        }
        System.exit(InboxSyncCommand.run(command));
    }
}
