package app.inboxsync.ui.sync;

import app.inboxsync.read.PageSummary;
import app.inboxsync.app.Plural;
import java.text.NumberFormat;
import java.util.Locale;

/** How the window writes a Page's stored counts: "1,234", "1 conversation", " · older messages of 3 pending". */
public final class CountWords {
    private CountWords() {
    }

    /** " · older messages of 3 pending · 37 withheld by Facebook", or nothing when every history is complete. */
    public static String histories(PageSummary page) {
        String s = "";
        if (page.pendingHistories() > 0) {
            s += " · older messages of " + number(page.pendingHistories()) + " pending";
        }
        if (page.withheldHistories() > 0) {
            s += " · " + number(page.withheldHistories()) + " withheld by Facebook";
        }
        return s;
    }

    public static String conversations(long n) {
        return count(n, "conversation");
    }

    /** "1 API call", "1,234 API calls": a grouped number and the noun that fits it (regular nouns). */
    public static String count(long n, String singular) {
        return number(n) + " " + Plural.noun(n, singular, singular + "s");
    }

    public static String number(long n) {
        return GROUPED.get().format(n);
    }

    /** One per thread (a NumberFormat is not thread-safe): the sidebar writes 200 Pages' counts ten times a second. */
    private static final ThreadLocal<NumberFormat> GROUPED =
            ThreadLocal.withInitial(() -> NumberFormat.getIntegerInstance(Locale.US));
}
