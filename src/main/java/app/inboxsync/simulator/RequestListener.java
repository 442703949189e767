package app.inboxsync.simulator;

/** Sees every Graph call before it is answered, on the server thread that answers it. */
@FunctionalInterface
public interface RequestListener {
    void onRequest(RequestInfo request);
}
