package app.inboxsync.graph;

import java.net.InetSocketAddress;
import java.net.Proxy;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;

/**
 * Tells whether a request went out on a pooled connection that was already open. A server closes idle
 * connections on its own schedule (often sooner than a client's pool forgets them), and the first request
 * on such a connection dies before the server sees it; {@link GraphCaller} then retries once, at once.
 */
final class ReusedConnections extends EventListener {
    /** Per request (as a tag): whether it made a connection of its own and whether it took a pooled one. */
    static final class Note {
        private volatile boolean connected;
        private volatile boolean reused;

        boolean reused() {
            return reused;
        }
    }

    @Override
    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
        Note note = call.request().tag(Note.class);
        if (note != null) {
            note.connected = true;
        }
    }

    @Override
    public void connectionAcquired(Call call, Connection connection) {
        Note note = call.request().tag(Note.class);
        if (note != null && !note.connected) {
            note.reused = true;
        }
    }
}
