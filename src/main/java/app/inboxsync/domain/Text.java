package app.inboxsync.domain;

/** PostgreSQL text cannot hold U+0000; every other character (emoji, RTL, 4-byte UTF-8) is kept as is. */
public final class Text {
    private Text() {
    }

    public static String clean(String s) {
        if (s == null || s.indexOf('\u0000') < 0) {
            return s;
        }
        return s.replace("\u0000", "");
    }
}
