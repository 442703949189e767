package app.inboxsync.graph;

import app.inboxsync.sync.GraphException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Graph's code 100 when it names what this Graph version does not serve: a field ("(#100) Tried accessing
 * nonexisting field (message_count) on node type (UnifiedThread)") or a folder ("(#100) param folder must be
 * one of {INBOX, OTHER}"). {@link GraphCaller} throws it instead of the fatal failure, so {@link GraphClient}
 * can leave the field out and ask again; when it cannot, {@link #fatal} is what it would have thrown.
 */
final class GraphRefusal extends RuntimeException {
    private static final Pattern FIELD =
            Pattern.compile("nonexisting field \\(([A-Za-z0-9_]+)\\) on node type \\(([A-Za-z0-9_]+)\\)");
    private static final Pattern FOLDER = Pattern.compile("param folder must be one of \\{([^}]*)}");

    /** The refused field, or null for a folder refusal. */
    final String field;
    /** Graph's node type for a field ("UnifiedThread", "Message", "Page"), null for a folder. */
    final String nodeType;
    /** For a folder refusal: the folders Graph still lists, upper case as Graph says them. */
    final String allowedFolders;
    /** HTTP requests the refused call took. */
    final int calls;
    final transient GraphException fatal;
    /** Graph's words, scrubbed, for the sentence of a refused required field. */
    final String graphSaid;

    private GraphRefusal(String field, String nodeType, String allowedFolders, int calls, GraphException fatal,
            String graphSaid) {
        super(fatal.getMessage(), null, false, false);
        this.field = field;
        this.nodeType = nodeType;
        this.allowedFolders = allowedFolders;
        this.calls = calls;
        this.fatal = fatal;
        this.graphSaid = graphSaid;
    }

    /** The refusal this error is, or {@code fatal} when it is any other failure. */
    static RuntimeException orFatal(GraphException fatal, int status, Wire.Error error, int calls, String graphSaid) {
        if (error == null || error.code() == null || error.code() != 100 || error.message() == null) {
            return fatal;
        }
        Matcher field = FIELD.matcher(error.message());
        if (field.find()) {
            return new GraphRefusal(field.group(1), field.group(2), null, calls, fatal, graphSaid);
        }
        Matcher folder = FOLDER.matcher(error.message());
        if (folder.find()) {
            return new GraphRefusal(null, null, folder.group(1), calls, fatal, graphSaid);
        }
        return fatal;
    }

    boolean isFolder() {
        return field == null;
    }
}
