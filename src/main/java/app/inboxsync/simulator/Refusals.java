package app.inboxsync.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;

/**
 * Fields and folders this simulated Graph no longer serves, as a newer Graph version (or an app that lacks
 * access to one field) refuses them. Graph answers such a request as a whole with HTTP 400, code 100:
 * {@code (#100) Tried accessing nonexisting field (message_count) on node type (UnifiedThread)}, or for a
 * folder {@code (#100) param folder must be one of {INBOX, OTHER, PAGE_DONE}}. Thread safe: tests change the
 * rules while a sync runs.
 */
public final class Refusals {

    /** Where a field is asked for; each is a node type of Graph's. */
    public enum Edge {
        /** {@code /{page}/conversations} and a conversation looked up by id: node type UnifiedThread. */
        CONVERSATIONS("UnifiedThread"),
        /** The {@code messages{…}} nested in a conversations listing. */
        NESTED_MESSAGES("Message"),
        /** {@code /{conversation}/messages} and a message looked up by id. */
        CONVERSATION_MESSAGES("Message"),
        /** {@code /me}: the Page (Page token) or the User (user token). */
        ME("Page"),
        /** The Pages listed by {@code /me/accounts}. */
        ACCOUNTS("Page");

        private final String nodeType;

        Edge(String nodeType) {
            this.nodeType = nodeType;
        }

        static Edge parse(String name) {
            return valueOf(name.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
        }
    }

    /** {@code version} null: refused by every Graph version. */
    private record FieldRule(Edge edge, String field, String version) {
    }

    private record FolderRule(String folder, String version) {
    }

    private final Set<FieldRule> fields = ConcurrentHashMap.newKeySet();
    private final Set<FolderRule> folders = ConcurrentHashMap.newKeySet();
    private final AtomicLong refusedCalls = new AtomicLong();

    /** Graph calls answered with a refusal so far: a client that remembers refusals stops paying them. */
    public long refusedCalls() {
        return refusedCalls.get();
    }

    /** Every Graph version refuses {@code field} on {@code edge}. */
    public void refuseField(Edge edge, String field) {
        refuseField(edge, field, null);
    }

    /** Graph {@code version} (e.g. {@code v26.0}; null for every version) refuses {@code field} on {@code edge}. */
    public void refuseField(Edge edge, String field, String version) {
        Objects.requireNonNull(edge, "edge");
        if (field == null || field.isBlank()) {
            throw new IllegalArgumentException("field must be a field name");
        }
        fields.add(new FieldRule(edge, field.strip(), normalVersion(version)));
    }

    /** A message field refused wherever messages are read: nested in the listing and on their own edge. */
    public void refuseMessageField(String field) {
        refuseField(Edge.NESTED_MESSAGES, field);
        refuseField(Edge.CONVERSATION_MESSAGES, field);
    }

    /** Every Graph version refuses {@code folder=…} with this folder (inbox, other, page_done, spam). */
    public void refuseFolder(String folder) {
        refuseFolder(folder, null);
    }

    public void refuseFolder(String folder, String version) {
        String name = folder == null ? "" : folder.strip().toLowerCase(Locale.ROOT);
        if (!World.FOLDERS.contains(name)) {
            throw new IllegalArgumentException("folder must be one of " + World.FOLDERS + ", was " + folder);
        }
        folders.add(new FolderRule(name, normalVersion(version)));
    }

    /** Graph serves everything again. */
    public void clear() {
        fields.clear();
        folders.clear();
    }

    /** The rules in words, one a line, for {@code GET /_sim/refusals}. */
    String describe() {
        StringBuilder s = new StringBuilder();
        fields.forEach(r -> s.append("field ").append(r.field).append(" on ").append(r.edge.name().toLowerCase(Locale.ROOT))
                .append(r.version == null ? "" : " in " + r.version).append('\n'));
        folders.forEach(r -> s.append("folder ").append(r.folder).append(r.version == null ? "" : " in " + r.version)
                .append('\n'));
        return s.length() == 0 ? "nothing is refused\n" : s.toString();
    }

    /**
     * Graph's answer when this call names something refused, else null. {@code nodeType} overrides the edge's
     * (a user token's {@code /me} is a User); the nested {@code messages{…}} of a conversations call are checked
     * as {@link Edge#NESTED_MESSAGES}, its {@code folder} parameter against the refused folders.
     */
    Reply check(Edge edge, String nodeType, GraphRequest req, List<FieldSpec> requested, long seq) {
        String version = req.version().startsWith("/") ? req.version().substring(1) : req.version();
        if (requested != null) {
            for (FieldSpec f : requested) {
                if (refused(edge, f.name(), version)) {
                    refusedCalls.incrementAndGet();
                    return GraphErrors.nonexistingField(f.name(), nodeType == null ? edge.nodeType : nodeType, seq);
                }
                if (edge == Edge.CONVERSATIONS && f.name().equals("messages")) {
                    for (FieldSpec m : f.children()) {
                        if (refused(Edge.NESTED_MESSAGES, m.name(), version)) {
                            refusedCalls.incrementAndGet();
                            return GraphErrors.nonexistingField(m.name(), Edge.NESTED_MESSAGES.nodeType, seq);
                        }
                    }
                }
            }
        }
        String folder = req.param("folder");
        if (edge == Edge.CONVERSATIONS && folder != null && folderRefused(folder.toLowerCase(Locale.ROOT), version)) {
            String allowed = World.FOLDERS.stream().filter(f -> !folderRefused(f, version))
                    .map(f -> f.toUpperCase(Locale.ROOT)).sorted().collect(Collectors.joining(", "));
            refusedCalls.incrementAndGet();
            return GraphErrors.invalidParameter("(#100) param folder must be one of {" + allowed + "}", seq);
        }
        return null;
    }

    private boolean refused(Edge edge, String field, String version) {
        return fields.contains(new FieldRule(edge, field, null)) || fields.contains(new FieldRule(edge, field, version));
    }

    private boolean folderRefused(String folder, String version) {
        return folders.contains(new FolderRule(folder, null)) || folders.contains(new FolderRule(folder, version));
    }

    private static String normalVersion(String version) {
        if (version == null || version.isBlank()) {
            return null;
        }
        String v = version.strip();
        return v.startsWith("/") ? v.substring(1) : v;
    }
}
