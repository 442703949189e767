package app.inboxsync.ui.sync;

/**
 * Where a view hears that the window's media downloads stored attachment files (or gave up on some), on the FX
 * thread: a thread showing "not downloaded yet" draws its pictures then, the Overview counts again.
 */
@FunctionalInterface
public interface MediaChanged {
    /** For a window that downloads no media. */
    MediaChanged NEVER = listener -> { };

    void whenMediaChanged(Runnable listener);
}
