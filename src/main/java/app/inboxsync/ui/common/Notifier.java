package app.inboxsync.ui.common;

/** Where toasts go. Logic talks to this, never to popups, so it can be tested without a window. */
@FunctionalInterface
public interface Notifier {
    void notify(Toast toast);
}
