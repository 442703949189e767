package app.inboxsync;

import app.inboxsync.cli.InboxSyncCommand;

/**
 * Entry point of the jar. Deliberately not a JavaFX {@code Application}: with JavaFX on the class path,
 * {@code java -jar} refuses to start one ("JavaFX runtime components are missing").
 */
public final class Main {
    private Main() {
    }

    /** With no command, the desktop app; with one, the CLI. */
    public static void main(String[] args) {
        System.exit(InboxSyncCommand.run(args.length == 0 ? new String[] {"app"} : args));
    }
}
