package app.inboxsync.cli;

import app.inboxsync.app.AppContext;
import app.inboxsync.app.RelativeTime;
import app.inboxsync.read.ConversationBrowsing;
import app.inboxsync.read.ConversationFilter;
import app.inboxsync.read.ConversationRow;
import app.inboxsync.read.ConversationSort;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

@Command(name = "conversations", description = "Browse the local copy (no network).",
        subcommands = ConversationsCommand.ListConversations.class)
final class ConversationsCommand {

    @Command(name = "list", description = "List a Page's conversations, newest first, optionally searched and filtered.")
    static final class ListConversations extends AppCommand {
        @Option(names = "--page", required = true, paramLabel = "PAGE_ID")
        String pageId;

        @Mixin
        FilterOptions filters;

        @Option(names = "--limit", defaultValue = "50", description = "At most this many (default ${DEFAULT-VALUE}; "
                + "when more match, it says how many).")
        int limit;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @Override
        public Integer call() {
            if (limit < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--limit must be 1 or more.");
            }
            try (AppContext app = open()) {
                requirePage(app, pageId);
                ConversationFilter filter = filters.forPage(pageId);
                ConversationBrowsing.FirstWindow first = app.browse().firstWindow(filter, ConversationSort.NEWEST_FIRST, limit);
                List<ConversationRow> rows = first.rows();
                if (json) {
                    out().println(json(rows));
                } else {
                    table(rows, !filter.equals(ConversationFilter.page(pageId)));
                }
                if (rows.size() < first.count()) {
                    // never cut the list silently; beside JSON it goes to stderr, so a script's JSON stays JSON
                    java.io.PrintWriter to = json ? err() : out();
                    to.printf("Showing %d of %d conversations (newest first). See them all with --limit %d%s.%n",
                            rows.size(), first.count(), first.count(), json ? "" : ", or write them to a file with export");
                    to.flush();
                }
            }
            return 0;
        }

        /** {@code filtered}: an empty answer then means "nothing matches", not "nothing stored". */
        private void table(List<ConversationRow> rows, boolean filtered) {
            if (rows.isEmpty()) {
                out().println(filtered ? "No conversation of page " + pageId + " matches these filters."
                        : "No conversations stored for page " + pageId + ". Sync it first: inbox-sync sync --page " + pageId);
                return;
            }
            Instant now = Instant.now();
            String format = "%-22s %-24s %-16s %6s  %s%n";
            out().printf(format, "CONVERSATION", "CUSTOMER", "LAST MESSAGE", "MSGS", "SNIPPET");
            boolean stored = false;
            for (ConversationRow r : rows) {
                out().printf(format, r.conversationId(), Columns.cut(r.senderName() == null ? "(no name)" : r.senderName(), 24),
                        RelativeTime.ago(r.lastMessageTime(), now),
                        r.messageCountIsStored() ? r.messagesShown() + "*" : String.valueOf(r.messageCount()),
                        Columns.cut(oneLine(r.lastMessage()), 60) + (r.missingSince() != null ? "  [gone from Facebook]" : ""));
                stored |= r.messageCountIsStored();
            }
            if (stored) {
                out().println("* Facebook gives no message count for this conversation: the messages copied are shown.");
            }
        }

        private static String json(List<ConversationRow> rows) {
            ArrayNode array = new ObjectMapper().createArrayNode();
            for (ConversationRow r : rows) {
                ObjectNode o = array.addObject();
                o.put("conversation_id", r.conversationId());
                o.put("page_id", r.pageId());
                o.put("sender_id", r.senderId());
                o.put("sender_name", r.senderName());
                o.put("last_message", r.lastMessage());
                o.put("last_message_time", r.lastMessageTime() == null ? null : r.lastMessageTime().toString());
                o.put("message_count", r.messageCount());
                o.put("unread_count", r.unreadCount());
                if (r.messageCountIsStored()) {
                    o.put("stored_messages", r.messagesShown());
                }
                o.put("folder", r.folder() == null ? null : r.folder().wireName());
                o.put("missing_since", r.missingSince() == null ? null : r.missingSince().toString());
                ArrayNode tags = o.putArray("tags");
                r.tags().forEach(tags::add);
                o.put("notes", r.notes());
            }
            return array.toPrettyString();
        }

        private static String oneLine(String s) {
            return s == null ? "" : s.replaceAll("\\s+", " ");
        }

    }
}
