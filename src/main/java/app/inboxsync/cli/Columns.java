package app.inboxsync.cli;

/** Fitting text into table columns. */
final class Columns {
    private Columns() {
    }

    /** At most {@code max} characters, counting code points, so an emoji is never cut in half. */
    static String cut(String s, int max) {
        if (s == null || s.codePointCount(0, s.length()) <= max) {
            return s;
        }
        return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "…";
    }
}
