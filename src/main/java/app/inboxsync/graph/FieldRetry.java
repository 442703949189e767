package app.inboxsync.graph;

import app.inboxsync.sync.GraphException;
import app.inboxsync.sync.GraphObserver;
import java.util.Optional;
import java.util.function.Predicate;
import okhttp3.HttpUrl;

/**
 * Makes a Graph call with only the fields this Graph version serves: leaves out the refusals already known,
 * and when Graph refuses an optional field by name, remembers it, says once what the copy goes without, and
 * asks again at once (not a failure: only the refused request is counted, as a call). A refused required field
 * fails with a sentence that names it and the Graph version.
 */
final class FieldRetry {

    /** An answer, the HTTP requests it took (refused ones included) and the {@code fields} finally asked for. */
    record Asked<T>(T body, int httpCalls, String fields) {
    }

    private final GraphCaller caller;
    private final KnownRefusals refusals;
    private final GraphObserver observer;

    FieldRetry(GraphCaller caller, KnownRefusals refusals, GraphObserver observer) {
        this.caller = caller;
        this.refusals = refusals;
        this.observer = observer;
    }

    KnownRefusals refusals() {
        return refusals;
    }

    /**
     * @param edge what the call reads; nested {@code messages{…}} of a conversations call are the messages edge
     * @throws GraphRefusal only for a folder refusal on a conversations call (the client skips the folder)
     */
    <T> Asked<T> get(PageCall call, HttpUrl url, GraphFields.Edge edge, Class<T> type, String what) {
        int refusedCalls = 0;
        HttpUrl asked = trimmed(url, edge);
        while (true) {
            try {
                GraphCaller.Answer<T> answer = caller.get(call, asked, type, what);
                return new Asked<>(answer.body(), answer.httpCalls() + refusedCalls, asked.queryParameter("fields"));
            } catch (GraphRefusal refusal) {
                if (refusal.isFolder()) {
                    if (edge == GraphFields.Edge.CONVERSATIONS) {
                        throw refusal;
                    }
                    throw refusal.fatal;
                }
                GraphFields.Edge on = GraphFields.Edge.ofNodeType(refusal.nodeType, edge);
                boolean nested = on == GraphFields.Edge.MESSAGES && edge == GraphFields.Edge.CONVERSATIONS;
                Optional<GraphFields.Field> field = GraphFields.find(on, refusal.field);
                if (field.isEmpty() || !GraphFields.asks(asked.queryParameter("fields"), refusal.field, nested)) {
                    throw refusal.fatal; // not a field we asked for: something else is wrong
                }
                if (field.get().required()) {
                    throw requiredRefused(field.get(), call, refusal);
                }
                refusedCalls += refusal.calls;
                if (refusals.refuseField(on, refusal.field)) {
                    observer.noticed(call.pageId(), notice(refusals.version(), field.get()));
                }
                asked = trimmed(asked, edge);
            }
        }
    }

    /** "Facebook v25.0 no longer gives unread counts: the Unread column says unknown." */
    static String notice(String version, GraphFields.Field field) {
        return "Facebook " + version + " no longer gives " + field.gives() + ": " + field.without() + ".";
    }

    /** The URL without the optional fields known to be refused (top level, and inside messages{…}). */
    private HttpUrl trimmed(HttpUrl url, GraphFields.Edge edge) {
        String fields = url.queryParameter("fields");
        if (fields == null) {
            return url;
        }
        String kept = GraphFields.without(fields, refused(edge), refused(GraphFields.Edge.MESSAGES));
        return kept.equals(fields) ? url : url.newBuilder().setQueryParameter("fields", kept).build();
    }

    private Predicate<String> refused(GraphFields.Edge edge) {
        return name -> GraphFields.find(edge, name).map(f -> !f.required()).orElse(false) && refusals.field(edge, name);
    }

    private GraphException requiredRefused(GraphFields.Field field, PageCall call, GraphRefusal refusal) {
        String consequence = call.pageId() == null ? "Pages cannot be added" : call.who() + " cannot be synced";
        return new GraphException(GraphException.Kind.INVALID_REQUEST, "Facebook " + refusals.version()
                + " no longer serves the field " + field.name() + " of " + field.edge().words + ", which Inbox Sync "
                + "cannot do without, so " + consequence + " with this Graph version. Choose a Graph version that still serves it (Settings › Graph version in the app, "
                + "--graph-version on the command line), or update Inbox Sync. " + refusal.graphSaid,
                refusal.fatal.code(), refusal.fatal.subcode(), refusal.fatal.fbtraceId(), null);
    }
}
