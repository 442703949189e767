package app.inboxsync.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the user behind the simulator's user token may do on each Page: the {@code tasks} of {@code /me/accounts}.
 * By default every task, so every Page can be synced. A Page without the MESSAGING task is still listed, with a
 * Page token, as Facebook does; its conversations then answer "(#230) Requires pages_messaging permission". A
 * Page with no task at all is not listed: the user has no role on it. Over HTTP:
 * {@code POST /_sim/roles?page=ID&tasks=ANALYZE,ADVERTISE} (an empty {@code tasks=} takes the role away),
 * {@code DELETE /_sim/roles} gives every task back. Thread safe.
 */
public final class PageRoles {
    /** The tasks Graph names, in the order it lists them for a Page's full admin. */
    public static final List<String> EVERY_TASK =
            List.of("MODERATE", "MESSAGING", "ANALYZE", "ADVERTISE", "CREATE_CONTENT", "MANAGE");
    static final String MESSAGING = "MESSAGING";

    private final Map<String, List<String>> tasksByPage = new ConcurrentHashMap<>();

    /** Gives the user exactly {@code tasks} on the Page; none at all takes the role away. */
    public void set(String pageId, List<String> tasks) {
        tasksByPage.put(pageId, List.copyOf(tasks));
    }

    /** Every task on every Page again. */
    public void clear() {
        tasksByPage.clear();
    }

    List<String> tasks(String pageId) {
        return tasksByPage.getOrDefault(pageId, EVERY_TASK);
    }

    boolean listed(String pageId) {
        return !tasks(pageId).isEmpty();
    }

    boolean canMessage(String pageId) {
        return tasks(pageId).contains(MESSAGING);
    }

    /** {@code /_sim/roles}. */
    Reply answer(HttpExchange exchange, World world) {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        if (method.equals("DELETE")) {
            clear();
            return Reply.text(200, "the user has every task on every Page again\n");
        }
        String usage = "use POST /_sim/roles?page=ID&tasks=T1,T2 (tasks of " + String.join(", ", EVERY_TASK)
                + "; empty: no role, the Page is not listed) or DELETE /_sim/roles\n";
        Map<String, String> params = GraphRequest.decodeForm(exchange.getRequestURI().getRawQuery());
        String page = params.get("page");
        String tasks = params.get("tasks");
        if (!method.equals("POST") || page == null || world.pageIndex(page) < 0 || tasks == null) {
            return Reply.text(method.equals("POST") ? 400 : 405, usage);
        }
        List<String> named = Arrays.stream(tasks.split(",")).map(String::trim).filter(t -> !t.isEmpty())
                .map(t -> t.toUpperCase(Locale.ROOT)).toList();
        if (!EVERY_TASK.containsAll(named)) {
            return Reply.text(400, usage);
        }
        set(page, named);
        return Reply.text(200, named.isEmpty() ? "the user has no role on Page " + page + " any more\n"
                : "the user's tasks on Page " + page + ": " + String.join(", ", named) + "\n");
    }
}
