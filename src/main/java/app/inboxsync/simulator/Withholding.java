package app.inboxsync.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * History Facebook keeps out of reach, in the forms its documentation allows. Meta's Conversations guide says
 * only the newest 20 messages of a conversation can be read in detail and an older one answers with an error that
 * it was deleted; its reference pages say that is for Instagram only. So the simulator can withhold, for one
 * conversation or for every one longer than {@code keep}, everything older than the newest {@code keep} messages:
 *
 * <ul>
 * <li>refusing forms ({@link Form#refuses()}): a {@code /{conversation}/messages} page that starts at or past
 * position {@code keep} (0 = the newest) answers with an error (code 100 "deleted" or "unavailable", an
 * unsupported request 100/33, or a permission error 200 on this thread only). The nested messages of the
 * conversations listing still come, as they do on Facebook for the newest messages;</li>
 * <li>detail forms: messages past position {@code keep}, nested or not, come without their details: with
 * {@code id} and {@code created_time} only ({@link Form#NO_DETAILS}) or with nothing but {@code id}
 * ({@link Form#IDS_ONLY}).</li>
 * </ul>
 *
 * Thread safe: tests set rules while a sync runs. Over HTTP: {@code POST /_sim/withhold?form=F&keep=N
 * [&conversation=ID]}, {@code DELETE /_sim/withhold}.
 */
public final class Withholding {

    /** The default {@code keep}: Meta's "20 most recent messages". */
    public static final int META_DETAIL_LIMIT = 20;

    public enum Form {
        DELETED("deleted"), UNAVAILABLE("unavailable"), UNSUPPORTED("unsupported"), PERMISSION("permission"),
        NO_DETAILS("no-details"), IDS_ONLY("ids-only");

        private final String wireName;

        Form(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        /** An error on the messages edge, rather than messages without details. */
        public boolean refuses() {
            return this != NO_DETAILS && this != IDS_ONLY;
        }

        static Form parse(String name) {
            for (Form f : values()) {
                if (f.wireName.equals(name.toLowerCase(Locale.ROOT))) {
                    return f;
                }
            }
            return null;
        }
    }

    /** How much of one message the API gives. */
    enum Detail { FULL, TIME_AND_ID, ID_ONLY }

    /** @param conversationId the one conversation withheld, or null for every conversation longer than keep */
    public record Rule(Form form, String conversationId, int keep) {
        public Rule {
            Objects.requireNonNull(form, "form");
            if (keep < 0) {
                throw new IllegalArgumentException("keep must be >= 0, was " + keep);
            }
        }
    }

    private final List<Rule> rules = new CopyOnWriteArrayList<>();

    /** Every conversation with more than {@code keep} messages has its older ones withheld in this form. */
    public void withholdLong(Form form, int keep) {
        rules.add(new Rule(form, null, keep));
    }

    /** Only this conversation's messages past the newest {@code keep} are withheld. */
    public void withhold(Form form, String conversationId, int keep) {
        rules.add(new Rule(form, Objects.requireNonNull(conversationId, "conversationId"), keep));
    }

    public void clear() {
        rules.clear();
    }

    public List<Rule> rules() {
        return List.copyOf(rules);
    }

    /** The rule that withholds the message at {@code position} (0 = newest) of this conversation, if any. */
    public Rule ruleAt(String conversationId, int messageCount, int position) {
        for (Rule r : rules) {
            boolean mine = r.conversationId() == null ? messageCount > r.keep() : r.conversationId().equals(conversationId);
            if (mine && position >= r.keep()) {
                return r;
            }
        }
        return null;
    }

    /** The error for a messages page starting at {@code position}, or null when the page is served. */
    Reply refusal(String conversationId, int messageCount, int position, long seq) {
        Rule r = ruleAt(conversationId, messageCount, position);
        if (r == null || !r.form().refuses()) {
            return null;
        }
        return switch (r.form()) {
            case DELETED -> GraphErrors.invalidParameter("(#100) This message has been deleted.", seq);
            case UNAVAILABLE -> GraphErrors.invalidParameter("(#100) The messages of this conversation are unavailable.", seq);
            case UNSUPPORTED -> GraphErrors.unsupportedGet(conversationId, seq);
            default -> GraphErrors.permissions(seq);
        };
    }

    Detail detailAt(String conversationId, int messageCount, int position) {
        Rule r = ruleAt(conversationId, messageCount, position);
        if (r == null || r.form().refuses()) {
            return Detail.FULL;
        }
        return r.form() == Form.IDS_ONLY ? Detail.ID_ONLY : Detail.TIME_AND_ID;
    }

    /** {@code /_sim/withhold}. */
    Reply answer(HttpExchange exchange) {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        if (method.equals("DELETE")) {
            clear();
            return Reply.text(200, "no history is withheld any more\n");
        }
        String usage = "use POST /_sim/withhold?form=F&keep=N[&conversation=ID] (F: deleted, unavailable, "
                + "unsupported, permission, no-details, ids-only; N: newest messages still readable, default "
                + META_DETAIL_LIMIT + "; without conversation: every longer conversation), or DELETE /_sim/withhold\n";
        if (!method.equals("POST")) {
            return Reply.text(405, usage);
        }
        Map<String, String> params = GraphRequest.decodeForm(exchange.getRequestURI().getRawQuery());
        Form form = Form.parse(params.getOrDefault("form", ""));
        int keep;
        try {
            keep = Integer.parseInt(params.getOrDefault("keep", Integer.toString(META_DETAIL_LIMIT)));
        } catch (NumberFormatException e) {
            keep = -1;
        }
        if (form == null || keep < 0) {
            return Reply.text(400, usage);
        }
        String conversation = params.get("conversation");
        if (conversation == null || conversation.isBlank()) {
            withholdLong(form, keep);
            return Reply.text(200, "every conversation longer than " + keep + " messages now withholds the older ones ("
                    + form.wireName() + ")\n");
        }
        withhold(form, conversation, keep);
        return Reply.text(200, "conversation " + conversation + " now withholds messages older than its newest "
                + keep + " (" + form.wireName() + ")\n");
    }
}
